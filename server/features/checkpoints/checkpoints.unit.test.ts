import { describe, expect, it } from 'vitest';
import { newCheckInCode, normalizeCheckInCode } from './checkpoints.code.ts';
import { namesAlong, parseKind, parseNumber, parseRisk, placeNames } from './checkpoints.import.rules.ts';
import { formatHours, formatPattern, parseHours, parsePattern, slotLabel } from './checkpoints.pattern.ts';
import { checkInUrl, escapeHtml } from './checkpoints.placard.ts';
import { shapeProblems, slotMinutes, withinWindow, type Shape } from './checkpoints.rules.ts';

const slot = (start: string, end: string, people = 1) => ({ start, end, people });

describe('shift pattern text', () => {
  it('reads the ways people write shifts', () => {
    expect(parsePattern('08:00-16:00×2; 16:00-00:00×2; 00:00-08:00×2')).toEqual({
      ok: true,
      value: [slot('08:00', '16:00', 2), slot('16:00', '00:00', 2), slot('00:00', '08:00', 2)],
    });
    // x X * ＊, Chinese semicolons and commas, new lines, 24:00, H:MM, full-width colon and dash, "n人".
    expect(parsePattern('8:00－16:00x3；16:00-24:00 X 1，0：00~8:00*4\n6:00 至 7:00 ＊2人；7:00到8:00 5人')).toEqual({
      ok: true,
      value: [
        slot('08:00', '16:00', 3),
        slot('16:00', '00:00', 1),
        slot('00:00', '08:00', 4),
        slot('06:00', '07:00', 2),
        slot('07:00', '08:00', 5),
      ],
    });
    expect(parsePattern('08:00-16:00×2;;')).toEqual({ ok: true, value: [slot('08:00', '16:00', 2)] });
  });

  it('names what it cannot read', () => {
    expect(parsePattern('')).toEqual({ ok: false, problem: { reason: 'field.required' } });
    for (const [text, part] of [
      ['08:00-16:00', '08:00-16:00'],
      ['08:00-16:00×2; 白班×2', '白班×2'],
      ['25:00-08:00×1', '25:00-08:00×1'],
      ['24:30-08:00×1', '24:30-08:00×1'],
      ['08:60-09:00×1', '08:60-09:00×1'],
      ['08:00-16:00×', '08:00-16:00×'],
    ]) {
      expect(parsePattern(text!), text).toEqual({
        ok: false,
        problem: { reason: 'field.checkpoint.slotText', params: { text: part } },
      });
    }
  });

  it('writes what it reads back unchanged', () => {
    const pattern = [slot('20:00', '02:00', 2), slot('02:00', '06:00', 1), slot('08:00', '08:00', 4)];
    const text = formatPattern(pattern);
    expect(text).toBe('20:00-02:00×2; 02:00-06:00×1; 08:00-08:00×4');
    expect(parsePattern(text)).toEqual({ ok: true, value: pattern });
    expect(slotLabel(slot('08:00', '16:00', 2))).toBe('08:00–16:00 2人');
  });
});

describe('opening hours text', () => {
  it('reads 24 hours or a window, and writes it back', () => {
    for (const text of ['24小时', '24 小时', '全天', '24H', '00:00-24:00']) {
      expect(parseHours(text), text).toEqual({ ok: true, value: { hours24: true, opensAt: null, closesAt: null } });
    }
    expect(parseHours(' 8:00 - 20:00 ')).toEqual({ ok: true, value: { hours24: false, opensAt: '08:00', closesAt: '20:00' } });
    expect(parseHours('20:00～6:00')).toEqual({ ok: true, value: { hours24: false, opensAt: '20:00', closesAt: '06:00' } });
    expect(parseHours('白天')).toEqual({
      ok: false,
      problem: { reason: 'field.checkpoint.hoursText', params: { text: '白天' } },
    });
    expect(parseHours('')).toEqual({ ok: false, problem: { reason: 'field.required' } });
    expect(formatHours({ hours24: true, opensAt: null, closesAt: null })).toBe('24小时');
    expect(formatHours({ hours24: false, opensAt: '20:00', closesAt: '06:00' })).toBe('20:00-06:00');
    expect(parseHours(formatHours({ hours24: false, opensAt: '20:00', closesAt: '06:00' }))).toEqual({
      ok: true,
      value: { hours24: false, opensAt: '20:00', closesAt: '06:00' },
    });
  });
});

describe('checkpoint rules', () => {
  it('measures slots across midnight, equal ends being 24 hours', () => {
    expect(slotMinutes(slot('08:00', '16:00'))).toBe(480);
    expect(slotMinutes(slot('22:00', '06:00'))).toBe(480);
    expect(slotMinutes(slot('08:00', '08:00'))).toBe(1440);
    expect(slotMinutes(slot('23:59', '00:00'))).toBe(1);
  });

  it('keeps slots inside a window, either of them crossing midnight', () => {
    expect(withinWindow(slot('08:00', '20:00'), '08:00', '20:00')).toBe(true);
    expect(withinWindow(slot('07:59', '12:00'), '08:00', '20:00')).toBe(false);
    expect(withinWindow(slot('12:00', '20:01'), '08:00', '20:00')).toBe(false);
    expect(withinWindow(slot('20:00', '02:00'), '20:00', '06:00')).toBe(true);
    expect(withinWindow(slot('02:00', '06:00'), '20:00', '06:00')).toBe(true);
    expect(withinWindow(slot('05:00', '07:00'), '20:00', '06:00')).toBe(false);
    expect(withinWindow(slot('12:00', '13:00'), '20:00', '06:00')).toBe(false);
    expect(withinWindow(slot('06:00', '06:00'), '06:00', '05:59')).toBe(false);
  });

  const shape = (o: Partial<Shape> = {}): Shape => ({
    risk: 2,
    hours24: true,
    opensAt: null,
    closesAt: null,
    shiftPattern: [slot('08:00', '20:00', 2)],
    lat: null,
    lng: null,
    ...o,
  });

  it('accepts a sound shape and names every problem of a bad one', () => {
    expect(shapeProblems(shape())).toEqual({});
    expect(
      shapeProblems(shape({ hours24: false, opensAt: '20:00', closesAt: '06:00', shiftPattern: [slot('20:00', '06:00')] })),
    ).toEqual({});
    expect(
      shapeProblems(
        shape({
          risk: 0,
          lat: 91,
          lng: null,
          hours24: false,
          opensAt: '8:00',
          closesAt: null,
          shiftPattern: [slot('08:00', '20:00', 0), slot('08:00', '20:00', 51), slot('24:00', '01:00')],
        }),
      ),
    ).toEqual({
      risk: { reason: 'field.checkpoint.risk' },
      lat: { reason: 'field.checkpoint.lat' },
      lng: { reason: 'field.checkpoint.latLngPair' },
      opensAt: { reason: 'field.checkpoint.time' },
      closesAt: { reason: 'field.checkpoint.hoursRequired' },
      'shiftPattern.0.people': { reason: 'field.checkpoint.people', params: { limit: 50 } },
      'shiftPattern.1.people': { reason: 'field.checkpoint.people', params: { limit: 50 } },
      'shiftPattern.1': { reason: 'field.checkpoint.slotRepeated', params: { slot: 1 } },
      'shiftPattern.2.start': { reason: 'field.checkpoint.time' },
    });
    expect(shapeProblems(shape({ shiftPattern: [] }))).toEqual({
      shiftPattern: { reason: 'field.checkpoint.slots', params: { limit: 12 } },
    });
    expect(shapeProblems(shape({ opensAt: '08:00' }))).toEqual({ opensAt: { reason: 'field.checkpoint.hoursWith24' } });
    expect(shapeProblems(shape({ hours24: false, opensAt: '08:00', closesAt: '08:00' }))).toEqual({
      closesAt: { reason: 'field.checkpoint.windowEmpty' },
    });
    expect(shapeProblems(shape({ hours24: false, opensAt: '09:00', closesAt: '20:00' }))).toEqual({
      'shiftPattern.0': {
        reason: 'field.checkpoint.slotOutside',
        params: { slot: '08:00–20:00', opensAt: '09:00', closesAt: '20:00' },
      },
    });
  });
});

describe('import cells', () => {
  it('reads kinds, risks and numbers as people write them', () => {
    expect(parseKind('小区门岗')).toEqual({ ok: true, value: 'estate_gate' });
    expect(parseKind('Highway exit')).toEqual({ ok: true, value: 'highway_exit' });
    expect(parseKind('超市')).toEqual({ ok: true, value: 'market' });
    expect(parseKind('城门')).toMatchObject({ ok: false, problem: { reason: 'field.checkpoint.kind' } });
    expect(parseKind(null)).toEqual({ ok: false, problem: { reason: 'field.required' } });
    for (const [value, risk] of [
      [4, 4],
      ['3', 3],
      ['高风险', 4],
      ['较高', 3],
      ['2（中风险）', 2],
      ['low risk', 1],
    ] as const) {
      expect(parseRisk(value), String(value)).toEqual({ ok: true, value: risk });
    }
    expect(parseRisk(5)).toEqual({ ok: false, problem: { reason: 'field.checkpoint.risk' } });
    expect(parseNumber(32.5)).toEqual({ ok: true, value: 32.5 });
    expect(parseNumber(' -114.25 ')).toEqual({ ok: true, value: -114.25 });
    expect(parseNumber('')).toEqual({ ok: true, value: null });
    expect(parseNumber('北纬32度')).toEqual({ ok: false, problem: { reason: 'field.checkpoint.number' } });
  });

  it('matches written places along a region’s chain of names', () => {
    const names: Record<string, string> = { c: '驻马店市', k: '驿城区', t: '人民街街道', m: '雪松社区', g: '第一网格' };
    const grid = { id: 'g', name: '第一网格', path: '/c/k/t/m/g/' };
    const nameOf = (id: string) => names[id];
    expect(placeNames(' 驿城区 / 人民街街道／雪松社区>第一网格 ')).toEqual(['驿城区', '人民街街道', '雪松社区', '第一网格']);
    expect(placeNames('雪松社区 第一网格')).toEqual(['雪松社区', '第一网格']);
    expect(namesAlong(grid, ['驻马店市', '驿城区', '人民街街道', '雪松社区', '第一网格'], nameOf)).toBe(true);
    expect(namesAlong(grid, ['驿城区', '雪松社区', '第一网格'], nameOf)).toBe(true);
    expect(namesAlong(grid, ['第一网格'], nameOf)).toBe(true);
    expect(namesAlong(grid, ['雪松社区', '驿城区', '第一网格'], nameOf)).toBe(false);
    expect(namesAlong(grid, ['梧桐社区', '第一网格'], nameOf)).toBe(false);
    expect(namesAlong(grid, ['雪松社区'], nameOf)).toBe(false);
    expect(namesAlong(grid, [], nameOf)).toBe(false);
  });
});

describe('placard and codes', () => {
  it('escapes text for HTML', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
    expect(escapeHtml('雪松小区东门')).toBe('雪松小区东门');
    expect(checkInUrl('https://redvest.example', 'ABC234')).toBe('https://redvest.example/duty/check-in/ABC234');
  });

  it('makes 10-symbol codes without look-alikes, spread over the whole alphabet', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = newCheckInCode();
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
      for (const c of code) seen.add(c);
    }
    expect(seen.size).toBe(32);
    expect(normalizeCheckInCode(' ab3k ')).toBe('AB3K');
  });
});
