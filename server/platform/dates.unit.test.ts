import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarDate,
  dateRange,
  daysBetween,
  localDateTime,
  mondayOf,
  weekdayOf,
  zoneOffsetMinutes,
  zonedInstant,
} from './dates.ts';

describe('calendarDate', () => {
  it('gives the date in the zone, not in UTC', () => {
    const lateUtc = new Date('2020-02-09T17:30:00Z'); // 01:30 on the 10th in Beijing
    expect(calendarDate('Asia/Shanghai', lateUtc)).toBe('2020-02-10');
    expect(calendarDate('UTC', lateUtc)).toBe('2020-02-09');
  });
});

describe('wall clock and instants', () => {
  it('maps a local date and time to the UTC instant and back', () => {
    expect(zonedInstant('Asia/Shanghai', '2020-02-10', '08:00').toISOString()).toBe('2020-02-10T00:00:00.000Z');
    expect(zonedInstant('Asia/Shanghai', '2020-02-10', '00:00').toISOString()).toBe('2020-02-09T16:00:00.000Z');
    expect(localDateTime('Asia/Shanghai', new Date('2020-02-09T16:00:00Z'))).toEqual({
      date: '2020-02-10',
      time: '00:00',
      weekday: 1,
    });
    expect(zoneOffsetMinutes('Asia/Shanghai', new Date('2020-07-01T00:00:00Z'))).toBe(480);
  });

  it('follows daylight saving where the zone has it', () => {
    // Europe/Berlin: CET (+60) in winter, CEST (+120) from 2020-03-29 02:00 local.
    expect(zonedInstant('Europe/Berlin', '2020-03-28', '12:00').toISOString()).toBe('2020-03-28T11:00:00.000Z');
    expect(zonedInstant('Europe/Berlin', '2020-03-29', '12:00').toISOString()).toBe('2020-03-29T10:00:00.000Z');
    // 02:30 does not exist that night: the instant after the jump.
    expect(localDateTime('Europe/Berlin', zonedInstant('Europe/Berlin', '2020-03-29', '02:30')).time).toBe('03:30');
    // 02:30 happens twice on 2020-10-25: the first one (still CEST).
    expect(zonedInstant('Europe/Berlin', '2020-10-25', '02:30').toISOString()).toBe('2020-10-25T00:30:00.000Z');
    for (const iso of ['2020-03-29T00:59:00Z', '2020-03-29T01:00:00Z', '2020-10-25T00:59:00Z', '2020-10-25T01:00:00Z']) {
      const { date, time } = localDateTime('Europe/Berlin', new Date(iso));
      const back = zonedInstant('Europe/Berlin', date, time);
      expect(localDateTime('Europe/Berlin', back)).toEqual(localDateTime('Europe/Berlin', new Date(iso)));
    }
  });
});

describe('calendar arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-02-29', 1)).toBe('2020-03-01');
    expect(addDays('2019-12-31', 1)).toBe('2020-01-01');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(daysBetween('2020-02-10', '2020-03-10')).toBe(29);
    expect(daysBetween('2020-03-10', '2020-02-10')).toBe(-29);
  });

  it('lists a date range with both ends, and nothing for a reversed one', () => {
    expect(dateRange('2020-02-27', '2020-03-02')).toEqual(['2020-02-27', '2020-02-28', '2020-02-29', '2020-03-01', '2020-03-02']);
    expect(dateRange('2020-02-10', '2020-02-10')).toEqual(['2020-02-10']);
    expect(dateRange('2020-02-11', '2020-02-10')).toEqual([]);
  });

  it('finds the week’s Monday', () => {
    expect(mondayOf('2026-12-03')).toBe('2026-11-30'); // a Thursday
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30'); // a Sunday
  });

  it('maps local midnight to its instant, across daylight saving', () => {
    expect(zonedInstant('Asia/Shanghai', '2026-12-03', '00:00').toISOString()).toBe('2026-12-02T16:00:00.000Z');
    expect(zonedInstant('Europe/Berlin', '2026-03-29', '00:00').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(zonedInstant('Europe/Berlin', '2026-03-30', '00:00').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('gives ISO weekdays', () => {
    expect(weekdayOf('2020-02-10')).toBe(1); // Monday
    expect(weekdayOf('2020-02-16')).toBe(7); // Sunday
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('1969-12-29')).toBe(1);
  });
});
