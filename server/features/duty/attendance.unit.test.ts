import { describe, expect, it } from 'vitest';
import { dutyHours } from './attendance.service.ts';
import { addDays, localClock, localMidnight, mondayOf, shiftParams } from './attendance.time.ts';

const windows = { checkInEarlyMinutes: 30, absentAfterMinutes: 15, checkOutGraceMinutes: 60 };
const shift = { startsAt: '2026-12-03T00:00:00.000Z', endsAt: '2026-12-03T08:00:00.000Z', windows };

describe('duty hours', () => {
  it('counts check-in to check-out in tenths of an hour', () => {
    expect(dutyHours(shift, '2026-12-03T00:05:00.000Z', '2026-12-03T08:00:00.000Z')).toBe(7.9);
    expect(dutyHours(shift, '2026-12-03T00:00:00.000Z', '2026-12-03T00:02:00.000Z')).toBe(0);
  });

  it('clips to the check-in and check-out windows', () => {
    // From 30 minutes before the start, until 60 minutes after the end.
    expect(dutyHours(shift, '2026-12-02T20:00:00.000Z', '2026-12-03T12:00:00.000Z')).toBe(9.5);
    expect(
      dutyHours(
        { ...shift, windows: { ...windows, checkInEarlyMinutes: 0, checkOutGraceMinutes: 0 } },
        '2026-12-02T20:00:00.000Z',
        '2026-12-03T12:00:00.000Z',
      ),
    ).toBe(8);
  });
});

describe('local times', () => {
  it('finds local midnight in the platform zone and elsewhere, across daylight saving', () => {
    expect(localMidnight('Asia/Shanghai', '2026-12-03').toISOString()).toBe('2026-12-02T16:00:00.000Z');
    expect(localMidnight('UTC', '2026-12-03').toISOString()).toBe('2026-12-03T00:00:00.000Z');
    expect(localMidnight('Europe/Berlin', '2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(localMidnight('Europe/Berlin', '2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('does calendar arithmetic and finds the week’s Monday', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(mondayOf('2026-12-03')).toBe('2026-11-30'); // a Thursday
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30'); // a Sunday
  });

  it('words a shift with local month, day and clock times', () => {
    expect(localClock('Asia/Shanghai', '2026-12-03T00:00:00.000Z')).toBe('08:00');
    expect(shiftParams('Asia/Shanghai', '2026-12-02T16:00:00.000Z', '2026-12-03T00:00:00.000Z')).toEqual({
      month: 12,
      day: 3,
      start: '00:00',
      end: '08:00',
    });
  });
});
