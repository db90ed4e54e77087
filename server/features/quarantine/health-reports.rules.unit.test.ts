import { describe, expect, it } from 'vitest';
import {
  chooseSlot,
  endedSlots,
  linkExpiry,
  oneDecimal,
  slotKey,
  slotRequired,
  todaySlots,
  type Windows,
} from './health-reports.rules.ts';

const TZ = 'Asia/Shanghai';
const W: Windows = { morning: { from: '06:00', to: '10:00' }, evening: { from: '17:00', to: '21:00' } };
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
/** Opened the day before it starts: every slot of it is asked. */
const kase = { startsOn: '2026-03-08', endsOn: '2026-03-21', openedAt: at('2026-03-07', '12:00').toISOString() };
const none = new Set<string>();

describe('chooseSlot', () => {
  it('takes the open window, on time', () => {
    expect(chooseSlot(TZ, W, kase, none, at('2026-03-10', '06:00'))).toEqual({
      kind: 'open',
      slotOn: '2026-03-10',
      slot: 'morning',
      late: false,
    });
    expect(chooseSlot(TZ, W, kase, none, at('2026-03-10', '20:59'))).toEqual({
      kind: 'open',
      slotOn: '2026-03-10',
      slot: 'evening',
      late: false,
    });
  });

  it('outside a window, takes the most recent ended slot not reported, late', () => {
    expect(chooseSlot(TZ, W, kase, none, at('2026-03-10', '12:00'))).toEqual({
      kind: 'open',
      slotOn: '2026-03-10',
      slot: 'morning',
      late: true,
    });
    expect(chooseSlot(TZ, W, kase, none, at('2026-03-10', '02:00'))).toEqual({
      kind: 'open',
      slotOn: '2026-03-09',
      slot: 'evening',
      late: true,
    });
    const reported = new Set([slotKey('2026-03-10', 'morning')]);
    expect(chooseSlot(TZ, W, kase, reported, at('2026-03-10', '12:00'))).toEqual({
      kind: 'open',
      slotOn: '2026-03-09',
      slot: 'evening',
      late: true,
    });
  });

  it('says done when the slot to report is reported, and not due before the first window', () => {
    const reported = new Set([slotKey('2026-03-10', 'morning')]);
    expect(chooseSlot(TZ, W, kase, reported, at('2026-03-10', '07:00'))).toEqual({
      kind: 'done',
      slotOn: '2026-03-10',
      slot: 'morning',
    });
    const fresh = { startsOn: '2026-03-10', endsOn: '2026-03-23', openedAt: at('2026-03-09', '12:00').toISOString() };
    expect(chooseSlot(TZ, W, fresh, none, at('2026-03-10', '05:00'))).toEqual({
      kind: 'not_due',
      next: { slotOn: '2026-03-10', slot: 'morning' },
    });
    expect(chooseSlot(TZ, W, fresh, new Set([slotKey('2026-03-10', 'morning')]), at('2026-03-10', '12:00'))).toEqual({
      kind: 'done',
      slotOn: '2026-03-10',
      slot: 'morning',
    });
  });

  it('leaves days outside the case alone', () => {
    const ended = { startsOn: '2026-02-20', endsOn: '2026-03-05', openedAt: at('2026-02-19', '12:00').toISOString() };
    expect(chooseSlot(TZ, W, ended, none, at('2026-03-10', '08:00')).kind).toBe('not_due');
  });
});

describe('slots that ended before the case was opened', () => {
  // Started on the return date, two days back, but opened today at 12:00.
  const backdated = { startsOn: '2026-03-08', endsOn: '2026-03-21', openedAt: at('2026-03-10', '12:00').toISOString() };

  it('are not asked: only windows closing after the opening are', () => {
    expect(slotRequired(TZ, W, backdated, '2026-03-10', 'morning')).toBe(false);
    expect(slotRequired(TZ, W, backdated, '2026-03-09', 'evening')).toBe(false);
    expect(slotRequired(TZ, W, backdated, '2026-03-10', 'evening')).toBe(true);
    // Opened inside a window: that window is still asked.
    expect(
      slotRequired(TZ, W, { ...backdated, openedAt: at('2026-03-10', '09:59').toISOString() }, '2026-03-10', 'morning'),
    ).toBe(true);
    expect(slotRequired(TZ, W, backdated, '2026-03-22', 'morning')).toBe(false);
  });

  it('show as not required, never late, and are not offered for a late report', () => {
    expect(todaySlots(TZ, W, backdated, none, at('2026-03-10', '12:30'))).toEqual([
      { slot: 'morning', state: 'not_required' },
      { slot: 'evening', state: 'upcoming' },
    ]);
    expect(chooseSlot(TZ, W, backdated, none, at('2026-03-10', '12:30'))).toEqual({
      kind: 'not_due',
      next: { slotOn: '2026-03-10', slot: 'evening' },
    });
    expect(todaySlots(TZ, W, backdated, none, at('2026-03-10', '22:00'))).toEqual([
      { slot: 'morning', state: 'not_required' },
      { slot: 'evening', state: 'late' },
    ]);
    expect(chooseSlot(TZ, W, backdated, none, at('2026-03-10', '22:00'))).toMatchObject({ slot: 'evening', late: true });
  });
});

describe('the rest of the clock', () => {
  it('tells today’s slots apart', () => {
    const reported = new Set([slotKey('2026-03-10', 'morning')]);
    expect(todaySlots(TZ, W, kase, reported, at('2026-03-10', '18:00'))).toEqual([
      { slot: 'morning', state: 'done' },
      { slot: 'evening', state: 'due' },
    ]);
    expect(todaySlots(TZ, W, kase, none, at('2026-03-10', '22:00'))).toEqual([
      { slot: 'morning', state: 'late' },
      { slot: 'evening', state: 'late' },
    ]);
  });

  it('lists the windows that ended in the last two days', () => {
    expect(endedSlots(TZ, W, at('2026-03-10', '10:00')).map((s) => slotKey(s.slotOn, s.slot))).toEqual([
      '2026-03-10:morning',
      '2026-03-09:morning',
      '2026-03-09:evening',
    ]);
  });

  it('expires a link at the end of the day after the last day, local time', () => {
    expect(linkExpiry(TZ, '2026-03-21').toISOString()).toBe('2026-03-22T16:00:00.000Z');
  });

  it('accepts one decimal only', () => {
    expect(oneDecimal(36.6)).toBe(true);
    expect(oneDecimal(37.3)).toBe(true);
    expect(oneDecimal(36.55)).toBe(false);
  });
});
