import { describe, expect, it } from 'vitest';
import { calendarDate } from './dates.ts';

describe('calendarDate', () => {
  it('gives the date in the zone, not in UTC', () => {
    const lateUtc = new Date('2020-02-09T17:30:00Z'); // 01:30 on the 10th in Beijing
    expect(calendarDate('Asia/Shanghai', lateUtc)).toBe('2020-02-10');
    expect(calendarDate('UTC', lateUtc)).toBe('2020-02-09');
  });
});
