import { describe, expect, it } from 'vitest';
import { dayCounter, endsOnFor, refOf, refPrefix, releaseBlock } from './cases.rules.ts';

describe('isolation dates', () => {
  it('ends a 14-day plan on the 14th day, counting the start day', () => {
    expect(endsOnFor('2026-11-20', 14)).toBe('2026-12-03');
    expect(endsOnFor('2026-12-31', 10)).toBe('2027-01-09');
  });

  it('counts 第 N 天 / 共 M 天 and the days left', () => {
    expect(dayCounter('2026-11-20', '2026-12-03', '2026-11-20')).toEqual({
      day: 1,
      total: 14,
      remaining: 13,
      dueForRelease: false,
    });
    expect(dayCounter('2026-11-20', '2026-12-03', '2026-12-03')).toEqual({
      day: 14,
      total: 14,
      remaining: 0,
      dueForRelease: true,
    });
    // Left open past the end: still the last day, due.
    expect(dayCounter('2026-11-20', '2026-12-03', '2026-12-05')).toMatchObject({ day: 14, remaining: 0, dueForRelease: true });
  });
});

describe('release', () => {
  const ok = [
    { slot: 'morning', fever: false, symptoms: [] },
    { slot: 'evening', fever: false, symptoms: [] },
  ];
  it('waits for the last day', () => {
    expect(releaseBlock('2026-12-03', '2026-12-02', ok)).toEqual({ code: 'CASE_NOT_DUE', endsOn: '2026-12-03' });
  });
  it('needs both reports of the last day, normal', () => {
    expect(releaseBlock('2026-12-03', '2026-12-03', ok)).toBeNull();
    expect(releaseBlock('2026-12-03', '2026-12-04', ok.slice(0, 1))).toEqual({ code: 'CASE_LAST_DAY_MISSING' });
    expect(releaseBlock('2026-12-03', '2026-12-03', [ok[0]!, { slot: 'evening', fever: true, symptoms: [] }])).toEqual({
      code: 'CASE_LAST_DAY_ABNORMAL',
    });
    expect(
      releaseBlock('2026-12-03', '2026-12-03', [ok[0]!, { slot: 'evening', fever: false, symptoms: ['dry_cough'] }]),
    ).toEqual({
      code: 'CASE_LAST_DAY_ABNORMAL',
    });
  });
});

describe('references', () => {
  it('uses the county code, padded or cut to six characters', () => {
    expect(refOf(refPrefix('411702'), 123)).toBe('GL-411702-000123');
    expect(refPrefix('c1a')).toBe('GL-C1A000-');
    expect(refPrefix(null)).toBe('GL-000000-');
  });
});
