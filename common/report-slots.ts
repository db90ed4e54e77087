/**
 * Which health-report slots an isolation case owes, with no clock and no time zone: the caller
 * gives the instant a slot's window closes (server: `slotEnd` in health-reports.rules.ts; web: the
 * same from the platform zone). The server's `slotRequired` applies the same rule to open cases.
 */

/** A case's days (both included) and when it was opened and, once released or transferred, closed (ISO). */
export interface OwingCase {
  startsOn: string;
  endsOn: string;
  openedAt: string;
  closedAt: string | null;
}

/**
 * A case day whose window closed after the case was opened and, for a closed case, no later than
 * it was closed. A start backdated to the return date does not make the person owe windows that
 * ended before anyone told them to report, nor does a release owe the rest of its day.
 */
export function slotOwed(c: OwingCase, slotOn: string, windowEnd: Date): boolean {
  const end = windowEnd.getTime();
  return (
    slotOn >= c.startsOn &&
    slotOn <= c.endsOn &&
    end > Date.parse(c.openedAt) &&
    (c.closedAt === null || end <= Date.parse(c.closedAt))
  );
}

/** How one slot of a case stands for the desk: reported, missed, not owed at all, or its window not yet over. */
export type SlotStanding = 'reported' | 'missed' | 'not_owed' | 'not_due';

export function slotStanding(c: OwingCase, slotOn: string, windowEnd: Date, reported: boolean, now: Date): SlotStanding {
  if (reported) return 'reported';
  if (!slotOwed(c, slotOn, windowEnd)) return 'not_owed';
  return windowEnd.getTime() > now.getTime() ? 'not_due' : 'missed';
}
