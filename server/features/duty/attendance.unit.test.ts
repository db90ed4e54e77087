import { describe, expect, it } from 'vitest';
import { dutyHours } from './attendance.service.ts';
import { shiftParams } from './rosters.wording.ts';

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

describe('shift wording', () => {
  it('gives local month, day and clock times for message templates', () => {
    expect(shiftParams('Asia/Shanghai', '2026-12-02T16:00:00.000Z', '2026-12-03T00:00:00.000Z')).toEqual({
      month: 12,
      day: 3,
      start: '00:00',
      end: '08:00',
    });
  });
});
