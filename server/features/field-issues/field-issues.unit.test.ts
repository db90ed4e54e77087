import { describe, expect, it } from 'vitest';
import type { RegionLevel } from '../../../common/enums.ts';
import type { SummaryRow } from './field-issues.repository.ts';
import { acceptableDeadline, defaultOwnerId, escalation, issueRef, median } from './field-issues.rules.ts';
import { outcomes, summarise } from './field-issues.summary.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const levels = new Map<string, RegionLevel>([
  ['c', 'city'],
  ['co', 'county'],
  ['t', 'township'],
  ['cm', 'community'],
  ['g', 'grid'],
]);

describe('default owner', () => {
  it('is the community holding a grid or the community itself', () => {
    expect(defaultOwnerId('/c/co/t/cm/g/', levels)).toBe('cm');
    expect(defaultOwnerId('/c/co/t/cm/', levels)).toBe('cm');
  });
  it('is the place itself above community level', () => {
    expect(defaultOwnerId('/c/co/t/', levels)).toBe('t');
    expect(defaultOwnerId('/c/', levels)).toBe('c');
  });
});

describe('escalation', () => {
  const deadline = '2026-12-01T02:00:00.000Z';
  const at = (ms: number) => new Date(Date.parse(deadline) + ms);

  it('does nothing until the deadline has passed', () => {
    expect(escalation(deadline, '/c/co/t/cm/', at(0))).toEqual({ level: 0, regionId: null });
    expect(escalation(deadline, '/c/co/t/cm/', at(-HOUR))).toEqual({ level: 0, regionId: null });
  });
  it('climbs one level on the first day late and one more each further day', () => {
    expect(escalation(deadline, '/c/co/t/cm/', at(1))).toEqual({ level: 1, regionId: 't' });
    expect(escalation(deadline, '/c/co/t/cm/', at(DAY - 1))).toEqual({ level: 1, regionId: 't' });
    expect(escalation(deadline, '/c/co/t/cm/', at(DAY))).toEqual({ level: 2, regionId: 'co' });
  });
  it('stops at the root', () => {
    expect(escalation(deadline, '/c/co/t/cm/', at(30 * DAY))).toEqual({ level: 3, regionId: 'c' });
    expect(escalation(deadline, '/c/co/', at(30 * DAY))).toEqual({ level: 1, regionId: 'c' });
    expect(escalation(deadline, '/c/', at(30 * DAY))).toEqual({ level: 0, regionId: null });
  });
});

describe('refs and deadlines', () => {
  it('numbers a day’s issues with three digits at least', () => {
    expect(issueRef('2026-12-01', 7)).toBe('WT20261201-007');
    expect(issueRef('2026-12-01', 1234)).toBe('WT20261201-1234');
  });
  it('accepts a future deadline up to 30 days ahead, as UTC', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(acceptableDeadline('2026-12-02T08:00:00+08:00', now)).toBe('2026-12-02T00:00:00.000Z');
    expect(acceptableDeadline('2026-12-31T00:00:00Z', now)).toBe('2026-12-31T00:00:00.000Z');
    expect(acceptableDeadline('2026-12-31T00:00:01Z', now)).toBeNull();
    expect(acceptableDeadline('2026-12-01T00:00:00Z', now)).toBeNull();
    expect(acceptableDeadline('2016-12-31T23:59:60Z', now)).toBeNull();
  });
});

describe('summary arithmetic', () => {
  const row = (o: Partial<SummaryRow>): SummaryRow => ({
    regionPath: '/c/co/t/cm/',
    category: 'facility',
    status: 'open',
    createdAt: '2026-12-01T00:00:00.000Z',
    deadline: '2026-12-02T00:00:00.000Z',
    resolvedAt: null,
    ...o,
  });
  const now = new Date('2026-12-03T00:00:00Z');

  it('takes the median of an even count as the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });

  it('counts outcomes, on-time resolutions and hours to resolve', () => {
    const o = outcomes(
      [
        row({ status: 'open' }),
        row({ status: 'in_progress', deadline: '2026-12-04T00:00:00.000Z' }),
        row({ status: 'resolved', resolvedAt: '2026-12-01T10:00:00.000Z' }),
        row({ status: 'verified', resolvedAt: '2026-12-02T12:00:00.000Z' }),
      ],
      now,
    );
    expect(o).toEqual({
      raised: 4,
      resolved: 2,
      verified: 1,
      open: 2,
      overdue: 1,
      onTimeShare: 0.5,
      medianHoursToResolve: 23,
    });
  });

  it('lists every category and groups places by township', () => {
    const s = summarise(
      [row({}), row({ regionPath: '/c/co/t2/x/' }), row({ regionPath: '/c/co/t2/' })],
      (path) => ({ id: path.split('/')[3]!, name: path.split('/')[3]! }),
      now,
    );
    expect(s.byCategory).toHaveLength(7);
    expect(s.byTownship).toEqual([
      expect.objectContaining({ name: 't2', outcomes: expect.objectContaining({ raised: 2 }) }),
      expect.objectContaining({ name: 't', outcomes: expect.objectContaining({ raised: 1 }) }),
    ]);
  });
});
