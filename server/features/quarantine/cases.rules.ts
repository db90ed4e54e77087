import type { Actor } from '../../platform/access/actor.ts';
import { addDays, daysBetween } from '../../platform/dates.ts';

/** What stands for the name once a case, a returnee or a contact has been anonymised. */
export const ANONYMISED_NAME = '已匿名';

/** The last day of isolation: the start day counts as day 1, so a 14-day plan ends 13 days later. */
export function endsOnFor(startsOn: string, planDays: number): string {
  return addDays(startsOn, planDays - 1);
}

/**
 * Returnees and close contacts whose watch (from the return or the last exposure) started before
 * this day are past keeping on `today`: the default plan's days of watch, then the retention period.
 */
export function peopleKeptFrom(today: string, planDays: number, retentionDays: number): string {
  return addDays(today, -(planDays + retentionDays));
}

export interface DayCounter {
  /** 第 N 天 (clamped to 1…total, so a case left open past its end shows its last day). */
  day: number;
  /** 共 M 天 */
  total: number;
  /** Days still to go after today (0 on the last day and after). */
  remaining: number;
  /** Today is the last day or later: staff should decide on release. */
  dueForRelease: boolean;
}

/** Where a case stands on `today` (all local dates). */
export function dayCounter(startsOn: string, endsOn: string, today: string): DayCounter {
  const total = daysBetween(startsOn, endsOn) + 1;
  const day = Math.min(total, Math.max(1, daysBetween(startsOn, today) + 1));
  return { day, total, remaining: Math.max(0, daysBetween(today, endsOn)), dueForRelease: today >= endsOn };
}

export interface SlotReport {
  slot: string;
  fever: boolean;
  symptoms: readonly string[];
}

export type ReleaseBlock =
  { code: 'CASE_NOT_DUE'; endsOn: string } | { code: 'CASE_LAST_DAY_MISSING' } | { code: 'CASE_LAST_DAY_ABNORMAL' };

/**
 * Why a normal release may not happen yet, or null: not before the last day, and only when both
 * reports of the last day are in and normal (no fever, no symptoms).
 */
export function releaseBlock(endsOn: string, today: string, lastDay: readonly SlotReport[]): ReleaseBlock | null {
  if (today < endsOn) return { code: 'CASE_NOT_DUE', endsOn };
  const morning = lastDay.find((r) => r.slot === 'morning');
  const evening = lastDay.find((r) => r.slot === 'evening');
  if (!morning || !evening) return { code: 'CASE_LAST_DAY_MISSING' };
  if ([morning, evening].some((r) => r.fever || r.symptoms.length > 0)) return { code: 'CASE_LAST_DAY_ABNORMAL' };
  return null;
}

/** `GL-411702-000123`: the county's code when it is a six-digit division code, else six characters of it. */
export function refPrefix(countyCode: string | null): string {
  const code = (countyCode ?? '').replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  return `GL-${(code + '000000').slice(0, 6)}-`;
}

export function refOf(prefix: string, sequence: number): string {
  return `${prefix}${String(sequence).padStart(6, '0')}`;
}

/**
 * Observers see only the cases they observe (and the alerts of those, or that they own), unless
 * another role lets them read the area.
 */
export function observerOnly(actor: Actor): boolean {
  return actor.grants.every((g) => g.role === 'medical_observer');
}
