import type { AttendanceState } from '../../../common/enums.ts';

/** The attendance windows of a roster (RosterRules), in minutes. */
export interface AttendanceWindows {
  checkInEarlyMinutes: number;
  absentAfterMinutes: number;
  checkOutGraceMinutes: number;
}

const MINUTE = 60_000;

/**
 * Where an assigned person stands at a shift at `now`, from the assignment's times alone:
 * absent whenever an inspector found the post without them (that outranks any check-in: the
 * person was not there when looked for); otherwise done once checked out (by hand or closed by
 * the job); on duty once checked in (a late arrival after an absence mark too); absent when
 * marked so, or once the grace after the start has passed without a check-in (the absence job
 * marks it within a minute; the state does not wait for it); due while check-in is open;
 * upcoming before that.
 */
export function attendanceOf(
  assignment: {
    checkedInAt: string | null;
    checkedOutAt: string | null;
    absentAt: string | null;
    /** The inspection that found the person absent; optional for callers that do not load it yet. */
    absentInspectionId?: string | null;
  },
  shift: { startsAt: string },
  rules: AttendanceWindows,
  now: Date,
): AttendanceState {
  if (assignment.absentInspectionId) return 'absent';
  if (assignment.checkedOutAt) return 'done';
  if (assignment.checkedInAt) return 'on_duty';
  if (assignment.absentAt) return 'absent';
  const start = Date.parse(shift.startsAt);
  const t = now.getTime();
  if (t >= start + rules.absentAfterMinutes * MINUTE) return 'absent';
  if (t >= start - rules.checkInEarlyMinutes * MINUTE) return 'due';
  return 'upcoming';
}
