/**
 * The clock of the twice-daily health reports, with no database: which slot a report made now
 * belongs to, how today's slots stand, and when a personal link expires. Windows are local
 * `HH:MM`, so plain string comparison orders them.
 */
import { FEVER_THRESHOLD, REPORT_SLOTS, type ReportSlot } from '../../../common/enums.ts';
import { addDays, daysBetween, localDateTime, zonedInstant } from '../../platform/dates.ts';

export type Windows = Record<ReportSlot, { from: string; to: string }>;

/** The dates a case reports on, both included, and when it was opened (ISO). */
export interface CaseDays {
  startsOn: string;
  endsOn: string;
  openedAt: string;
}

export const slotKey = (slotOn: string, slot: ReportSlot) => `${slotOn}:${slot}`;

const within = (c: CaseDays, date: string) => date >= c.startsOn && date <= c.endsOn;

/**
 * Whether a slot is asked of a case at all: a case day whose window closed after the case was
 * opened. A start backdated to the return date does not make the person owe windows that ended
 * before anyone told them to report; the missed-slot job and the report page both go by this.
 */
export function slotRequired(timeZone: string, windows: Windows, c: CaseDays, slotOn: string, slot: ReportSlot): boolean {
  return within(c, slotOn) && slotEnd(timeZone, windows, slotOn, slot).getTime() > Date.parse(c.openedAt);
}

/** Which slot a report made at `at` records. */
export type SlotChoice =
  | { kind: 'open'; slotOn: string; slot: ReportSlot; late: boolean }
  /** The slot to report now is already reported. */
  | { kind: 'done'; slotOn: string; slot: ReportSlot }
  /** Nothing is due yet (before the case's first window): `next` is the first slot ahead. */
  | { kind: 'not_due'; next: { slotOn: string; slot: ReportSlot } | null };

/**
 * Inside a window: that window's slot. Outside: the most recent slot of today or yesterday whose
 * window has ended and which is not reported yet, marked late. A person who forgot last night
 * still reports it the next morning before the morning window opens; older gaps are the grid
 * worker's to fill by phone.
 */
export function chooseSlot(timeZone: string, windows: Windows, c: CaseDays, reported: ReadonlySet<string>, at: Date): SlotChoice {
  const { date: today, time } = localDateTime(timeZone, at);
  for (const slot of REPORT_SLOTS) {
    const w = windows[slot];
    if (within(c, today) && time >= w.from && time < w.to) {
      return reported.has(slotKey(today, slot))
        ? { kind: 'done', slotOn: today, slot }
        : { kind: 'open', slotOn: today, slot, late: false };
    }
  }
  const past = pastSlots(windows, today, time).filter((p) => slotRequired(timeZone, windows, c, p.slotOn, p.slot));
  const missing = past.find((p) => !reported.has(slotKey(p.slotOn, p.slot)));
  if (missing) return { kind: 'open', ...missing, late: true };
  if (past.length > 0) return { kind: 'done', ...past[0]! };
  return { kind: 'not_due', next: nextSlot(windows, c, today, time) };
}

/** Ended slots of today and yesterday, most recent first. */
function pastSlots(windows: Windows, today: string, time: string): { slotOn: string; slot: ReportSlot }[] {
  const out: { slotOn: string; slot: ReportSlot }[] = [];
  for (const slot of [...REPORT_SLOTS].reverse()) if (time >= windows[slot].to) out.push({ slotOn: today, slot });
  const yesterday = addDays(today, -1);
  for (const slot of [...REPORT_SLOTS].reverse()) out.push({ slotOn: yesterday, slot });
  return out;
}

function nextSlot(windows: Windows, c: CaseDays, today: string, time: string): { slotOn: string; slot: ReportSlot } | null {
  const first = today < c.startsOn ? c.startsOn : today;
  for (let day = first; day <= c.endsOn; day = addDays(day, 1)) {
    for (const slot of REPORT_SLOTS) {
      if (day > today || windows[slot].from > time) return { slotOn: day, slot };
    }
  }
  return null;
}

export type SlotState = 'done' | 'due' | 'late' | 'upcoming' | 'none' | 'not_required';

/**
 * How today's slots stand: reported, open now, window passed unreported, still ahead, not a case
 * day, or ended before the case was opened (see `slotRequired`).
 */
export function todaySlots(
  timeZone: string,
  windows: Windows,
  c: CaseDays,
  reported: ReadonlySet<string>,
  at: Date,
): { slot: ReportSlot; state: SlotState }[] {
  const { date: today, time } = localDateTime(timeZone, at);
  return REPORT_SLOTS.map((slot) => {
    const w = windows[slot];
    let state: SlotState;
    if (!within(c, today)) state = 'none';
    else if (reported.has(slotKey(today, slot))) state = 'done';
    else if (!slotRequired(timeZone, windows, c, today, slot)) state = 'not_required';
    else if (time >= w.to) state = 'late';
    else if (time >= w.from) state = 'due';
    else state = 'upcoming';
    return { slot, state };
  });
}

/** Day n of the isolation (day 1 is the first day); 0 before it starts. */
export function caseDay(c: CaseDays, today: string): number {
  return Math.max(0, daysBetween(c.startsOn, today) + 1);
}

/** When a slot's window opens, as a UTC instant. */
export function slotStart(timeZone: string, windows: Windows, slotOn: string, slot: ReportSlot): Date {
  return zonedInstant(timeZone, slotOn, windows[slot].from);
}

/** When a slot's window closes, as a UTC instant. */
export function slotEnd(timeZone: string, windows: Windows, slotOn: string, slot: ReportSlot): Date {
  return zonedInstant(timeZone, slotOn, windows[slot].to);
}

/** A personal link lives until the end of the day after the case's last day (local time). */
export function linkExpiry(timeZone: string, endsOn: string): Date {
  return zonedInstant(timeZone, addDays(endsOn, 2), '00:00');
}

export const isFever = (temperature: number) => temperature >= FEVER_THRESHOLD;

/** The picker offers 35.0–42.0 in 0.1 steps: one decimal at most. */
export const oneDecimal = (temperature: number) => Math.abs(Math.round(temperature * 10) - temperature * 10) < 1e-6;

/**
 * The (date, slot) pairs whose window closed in the `lookbackDays` before `at`: the missed-slot scan
 * checks these. Two days covers any pause of the job shorter than a day.
 */
export function endedSlots(
  timeZone: string,
  windows: Windows,
  at: Date,
  lookbackDays = 2,
): { slotOn: string; slot: ReportSlot; endedAt: Date }[] {
  const today = localDateTime(timeZone, at).date;
  const out: { slotOn: string; slot: ReportSlot; endedAt: Date }[] = [];
  for (let back = 0; back < lookbackDays; back++) {
    const slotOn = addDays(today, -back);
    for (const slot of REPORT_SLOTS) {
      const endedAt = slotEnd(timeZone, windows, slotOn, slot);
      if (endedAt.getTime() <= at.getTime()) out.push({ slotOn, slot, endedAt });
    }
  }
  return out;
}
