import { describe, expect, it } from 'vitest';
import { announcementStatus, foldTotals, looksLikeHtml, normaliseBody, pathIds, type GroupRegion } from './publicity.rules.ts';

describe('announcement text', () => {
  it('tells markup from text that merely holds angle brackets', () => {
    for (const html of [
      '<b>重要</b>',
      '</p>',
      '<img src=x onerror=alert(1)>',
      '<br/>',
      '<!-- 注释 -->',
      '<!DOCTYPE html>',
      '<a href="x">链接</a>',
    ])
      expect(looksLikeHtml(html), html).toBe(true);
    for (const text of ['体温<37.3 ℃', '3 < 5 > 2', '<<通知>>', '《致居民的一封信》', 'a<1 and b>2'])
      expect(looksLikeHtml(text), text).toBe(false);
  });

  it('keeps line breaks, drops CR, trailing blanks and runs of empty lines', () => {
    expect(normaliseBody('  第一行 \r\n第二行\r\r\n\n\n\n第三段\n ')).toBe('第一行\n第二行\n\n第三段');
  });
});

describe('announcement status', () => {
  const a = (publishAt: string, expiresAt: string, withdrawnAt: string | null = null) => ({ publishAt, expiresAt, withdrawnAt });
  const now = '2026-03-10T08:00:00.000Z';
  it('is withdrawn, scheduled, expired or current as of now', () => {
    expect(announcementStatus(a('2026-03-01T00:00:00.000Z', '2026-03-20T00:00:00.000Z', now), now)).toBe('withdrawn');
    expect(announcementStatus(a('2026-03-11T00:00:00.000Z', '2026-03-20T00:00:00.000Z'), now)).toBe('scheduled');
    expect(announcementStatus(a('2026-03-01T00:00:00.000Z', now), now)).toBe('expired');
    expect(announcementStatus(a(now, '2026-03-20T00:00:00.000Z'), now)).toBe('current');
  });
});

describe('totals by region', () => {
  const region = (id: string, path: string, hasChildren = true): GroupRegion => ({
    id,
    name: id,
    level: 'community',
    path,
    hasChildren,
  });
  it('folds path sums into the child regions, the region itself apart, every child shown', () => {
    const base = region('T', '/C/K/T/');
    const groups = [region('A', '/C/K/T/A/'), region('B', '/C/K/T/B/'), region('E', '/C/K/T/E/', false)];
    const { items, totals } = foldTotals(
      [
        { regionPath: '/C/K/T/A/', material: 'poster', entries: 3, quantity: 120 },
        { regionPath: '/C/K/T/A/g1/', material: 'notice', entries: 2, quantity: 50 },
        { regionPath: '/C/K/T/B/g2/', material: 'poster', entries: 1, quantity: 10 },
        { regionPath: '/C/K/T/', material: 'broadcast_vehicle', entries: 1, quantity: 2 },
        // Outside the base: never counted (the query should not return it, but the fold does not trust that).
        { regionPath: '/C/K/X/', material: 'poster', entries: 9, quantity: 999 },
      ],
      groups,
      base,
    );
    expect(items.map((r) => [r.regionId, r.self, r.quantity])).toEqual([
      ['T', true, 2],
      ['A', false, 170],
      ['B', false, 10],
      ['E', false, 0],
    ]);
    expect(items[1]!.materials.poster).toEqual({ entries: 3, quantity: 120 });
    expect(items[1]!.materials.notice).toEqual({ entries: 2, quantity: 50 });
    expect(items[0]!.hasChildren).toBe(false);
    expect(totals).toMatchObject({ entries: 7, quantity: 182 });
    expect(totals.materials.poster).toEqual({ entries: 4, quantity: 130 });
  });

  it('reads the ids of a path', () => {
    expect(pathIds('/a/b/c/')).toEqual(['a', 'b', 'c']);
  });
});
