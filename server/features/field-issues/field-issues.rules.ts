/**
 * The ledger's rules that need no database: where an issue lands by default, how far an overdue
 * issue has climbed, how refs read, which deadlines are acceptable.
 */
import type { FieldIssueStatus, RegionLevel } from '../../../common/enums.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** An issue nobody gave a deadline for is due a day after it is raised. */
export const DEFAULT_DEADLINE_MS = DAY;
/** Longer than this is not a deadline but a wish: such issues go to a plan, not the ledger. */
export const MAX_DEADLINE_DAYS = 30;

/** Still waiting for someone to act on it: only these can be overdue, escalate, or be resolved. */
export const ACTIVE_STATUSES: readonly FieldIssueStatus[] = ['open', 'in_progress'];

/** The region ids on a materialised path, root first ('/a/b/c/' → [a, b, c]). */
export const pathIds = (path: string): string[] => path.split('/').filter(Boolean);

/**
 * The region that owns an issue nobody assigned: the community the place lies in (its community
 * staff act on the ground); a place above community level owns its own issues.
 */
export function defaultOwnerId(placePath: string, levels: ReadonlyMap<string, RegionLevel>): string {
  const ids = pathIds(placePath);
  return ids.find((id) => levels.get(id) === 'community') ?? ids[ids.length - 1]!;
}

/**
 * The escalation an overdue issue has earned at `at`: one level on the first day past the
 * deadline, one more each further day, never past the root above the owner region. Returns the
 * level and the region it now sits with (null at level 0).
 */
export function escalation(deadline: string, ownerPath: string, at: Date): { level: number; regionId: string | null } {
  const late = at.getTime() - Date.parse(deadline);
  if (!(late > 0)) return { level: 0, regionId: null };
  const ids = pathIds(ownerPath);
  const level = Math.min(Math.floor(late / DAY) + 1, ids.length - 1);
  return { level, regionId: level > 0 ? ids[ids.length - 1 - level]! : null };
}

/** Ref of the `n`th issue raised on a local date: WT20261201-007. */
export function issueRef(localDate: string, n: number): string {
  return `${refPrefix(localDate)}${String(n).padStart(3, '0')}`;
}

export const refPrefix = (localDate: string): string => `WT${localDate.replaceAll('-', '')}-`;

/** A deadline as stored (UTC ISO), or null when it is not a usable one at `now`. */
export function acceptableDeadline(input: string, now: Date): string | null {
  const t = Date.parse(input);
  // Some valid date-time spellings (a leap second) are no instant JavaScript can hold.
  if (!Number.isFinite(t)) return null;
  if (t <= now.getTime() || t > now.getTime() + MAX_DEADLINE_DAYS * DAY) return null;
  return new Date(t).toISOString();
}

/** Not resolved and past its deadline. */
export const isOverdue = (status: FieldIssueStatus, deadline: string, now: Date): boolean =>
  ACTIVE_STATUSES.includes(status) && Date.parse(deadline) < now.getTime();

/** Hours between two instants, to one decimal. */
export const hoursBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / (HOUR / 10)) / 10;

/** The middle value (mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
