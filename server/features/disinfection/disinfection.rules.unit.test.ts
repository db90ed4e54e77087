import { describe, expect, it } from 'vitest';
import { BACKDATE_DAYS, defaultPeriod, doneAtProblem, nextOnAfter, scheduleState } from './disinfection.rules.ts';

describe('disinfection rules', () => {
  it('tells overdue (with days), due, upcoming and paused apart', () => {
    expect(scheduleState(true, '2020-02-10', '2020-02-13')).toEqual({ state: 'overdue', overdueDays: 3 });
    expect(scheduleState(true, '2020-02-13', '2020-02-13')).toEqual({ state: 'due', overdueDays: 0 });
    expect(scheduleState(true, '2020-02-14', '2020-02-13')).toEqual({ state: 'upcoming', overdueDays: 0 });
    expect(scheduleState(false, '2020-02-10', '2020-02-13')).toEqual({ state: 'paused', overdueDays: 0 });
  });

  it('moves the next job on from the day done, never back', () => {
    expect(nextOnAfter('2020-02-13', 2, '2020-02-13')).toBe('2020-02-15');
    expect(nextOnAfter('2020-02-28', 1, '2020-02-28')).toBe('2020-02-29');
    // A job logged late, after a later one: the schedule stays where the later one put it.
    expect(nextOnAfter('2020-02-10', 2, '2020-02-15')).toBe('2020-02-15');
  });

  it('counts this month so far by default', () => {
    expect(defaultPeriod('2020-02-13')).toEqual({ from: '2020-02-01', to: '2020-02-13' });
  });

  it('refuses a time ahead of the clock (beyond a little skew) or over a week back', () => {
    const now = new Date('2020-02-13T04:00:00Z');
    expect(doneAtProblem(new Date('2020-02-13T04:01:00Z'), now, '2020-02-13', '2020-02-13')).toBeNull();
    expect(doneAtProblem(new Date('2020-02-13T05:00:00Z'), now, '2020-02-13', '2020-02-13')).toBe(
      'field.disinfection.doneInFuture',
    );
    expect(doneAtProblem(new Date('2020-02-06T04:00:00Z'), now, '2020-02-13', '2020-02-06')).toBeNull();
    expect(doneAtProblem(new Date('2020-02-05T04:00:00Z'), now, '2020-02-13', '2020-02-05')).toBe(
      'field.disinfection.doneTooOld',
    );
    expect(BACKDATE_DAYS).toBe(7);
  });
});
