/**
 * The rules of 卫生消杀 that need no database: how far back a job may be logged, the largest area
 * one entry may claim, where a schedule stands on a day, and the default totals period.
 */
import { addDays, daysBetween } from '../../platform/dates.ts';

/** A job done on the road is often logged that evening or after a rest day; a week covers it, and keeps totals honest. */
export const BACKDATE_DAYS = 7;

/**
 * The most one entry may claim: 500,000 m² (half a square kilometre, a town centre's streets and
 * squares sprayed by a rescue team with vehicle-mounted gear). A larger figure is a typo (an
 * extra zero) that would swamp the totals, so it is refused rather than counted.
 */
export const MAX_AREA_M2 = 500_000;

/** A crew larger than this is a team counted as people by mistake. */
export const MAX_PEOPLE = 200;

/** A phone's clock may run a little ahead of the server's: a job "done" this far ahead is accepted as now. */
export const CLOCK_SKEW_MS = 2 * 60_000;

export const SCHEDULE_STATES = ['overdue', 'due', 'upcoming', 'paused'] as const;
export type ScheduleState = (typeof SCHEDULE_STATES)[number];

/** Overdue: the next job should have been done before today. Due: today. */
export function scheduleState(active: boolean, nextOn: string, today: string): { state: ScheduleState; overdueDays: number } {
  if (!active) return { state: 'paused', overdueDays: 0 };
  if (nextOn < today) return { state: 'overdue', overdueDays: daysBetween(nextOn, today) };
  return { state: nextOn === today ? 'due' : 'upcoming', overdueDays: 0 };
}

/**
 * The next job after one done on `doneOn`. A job logged late (or twice) never moves the schedule
 * back: the later of the computed day and the one already set.
 */
export function nextOnAfter(doneOn: string, everyDays: number, currentNextOn: string): string {
  const next = addDays(doneOn, everyDays);
  return next > currentNextOn ? next : currentNextOn;
}

/** The totals period when none is given: this month so far, as the daily report counts it. */
export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/** Why a done-at time cannot be logged, as a message key; null when it can. */
export function doneAtProblem(doneAt: Date, now: Date, todayLocal: string, doneOnLocal: string): string | null {
  if (doneAt.getTime() > now.getTime() + CLOCK_SKEW_MS) return 'field.disinfection.doneInFuture';
  if (doneOnLocal < addDays(todayLocal, -BACKDATE_DAYS)) return 'field.disinfection.doneTooOld';
  return null;
}
