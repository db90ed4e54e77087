/**
 * The rules a checkpoint's opening hours, shift pattern and position obey, without the database:
 * the service checks every create and edit with them, the import every row, so both say the same.
 */
import type { FieldProblem } from '../../platform/errors.ts';
import { MAX_PEOPLE, MAX_SLOTS, TIME_PATTERN, type ShiftSlot } from './checkpoints.schemas.ts';

/** Checkpoints stand at a gate or an entrance, so they belong to the smallest places. */
export const CHECKPOINT_LEVELS: ReadonlySet<string> = new Set(['community', 'grid']);

const DAY = 24 * 60;
const TIME = new RegExp(TIME_PATTERN);

export const isTime = (value: unknown): value is string => typeof value === 'string' && TIME.test(value);

export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** Minutes from `from` forward to `to` on a clock face: 0 when equal. */
const forward = (from: number, to: number) => (to - from + DAY) % DAY;

/** A slot's length in minutes; an end at or before the start is the next day (equal: 24 hours). */
export function slotMinutes(slot: Pick<ShiftSlot, 'start' | 'end'>): number {
  return forward(minutesOf(slot.start), minutesOf(slot.end)) || DAY;
}

/** Whether the slot lies inside the opening window; either may run past midnight. */
export function withinWindow(slot: Pick<ShiftSlot, 'start' | 'end'>, opensAt: string, closesAt: string): boolean {
  const opens = minutesOf(opensAt);
  const windowLength = forward(opens, minutesOf(closesAt)) || DAY;
  return forward(opens, minutesOf(slot.start)) + slotMinutes(slot) <= windowLength;
}

export const peoplePerDay = (pattern: readonly ShiftSlot[]) => pattern.reduce((sum, s) => sum + s.people, 0);

/** The fields the rules look at, as they will be stored (after a patch is applied). */
export interface Shape {
  risk: number;
  hours24: boolean;
  opensAt: string | null;
  closesAt: string | null;
  shiftPattern: readonly ShiftSlot[];
  lat: number | null;
  lng: number | null;
}

const inRange = (v: number | null, limit: number) => v === null || (Number.isFinite(v) && v >= -limit && v <= limit);

/**
 * Every problem with the shape, by field (`shiftPattern.2.end` for a slot's field, as the JSON
 * validation names them); empty when it is fine.
 */
export function shapeProblems(s: Shape): Record<string, FieldProblem> {
  const out: Record<string, FieldProblem> = {};
  const report = (field: string, reason: string, params?: FieldProblem['params']) => {
    if (!(field in out)) out[field] = params ? { reason, params } : { reason };
  };

  if (!Number.isInteger(s.risk) || s.risk < 1 || s.risk > 4) report('risk', 'field.checkpoint.risk');
  if (!inRange(s.lat, 90)) report('lat', 'field.checkpoint.lat');
  if (!inRange(s.lng, 180)) report('lng', 'field.checkpoint.lng');
  if ((s.lat === null) !== (s.lng === null)) report(s.lat === null ? 'lat' : 'lng', 'field.checkpoint.latLngPair');

  let window: { opensAt: string; closesAt: string } | null = null;
  if (s.hours24) {
    if (s.opensAt !== null) report('opensAt', 'field.checkpoint.hoursWith24');
    if (s.closesAt !== null) report('closesAt', 'field.checkpoint.hoursWith24');
  } else {
    for (const field of ['opensAt', 'closesAt'] as const) {
      if (s[field] === null) report(field, 'field.checkpoint.hoursRequired');
      else if (!isTime(s[field])) report(field, 'field.checkpoint.time');
    }
    if (isTime(s.opensAt) && isTime(s.closesAt)) {
      if (s.opensAt === s.closesAt) report('closesAt', 'field.checkpoint.windowEmpty');
      else window = { opensAt: s.opensAt, closesAt: s.closesAt };
    }
  }

  if (s.shiftPattern.length < 1 || s.shiftPattern.length > MAX_SLOTS) {
    report('shiftPattern', 'field.checkpoint.slots', { limit: MAX_SLOTS });
  }
  const seen = new Map<string, number>();
  s.shiftPattern.forEach((slot, i) => {
    const at = `shiftPattern.${i}`;
    if (!isTime(slot.start)) report(`${at}.start`, 'field.checkpoint.time');
    if (!isTime(slot.end)) report(`${at}.end`, 'field.checkpoint.time');
    if (!Number.isInteger(slot.people) || slot.people < 1 || slot.people > MAX_PEOPLE) {
      report(`${at}.people`, 'field.checkpoint.people', { limit: MAX_PEOPLE });
    }
    if (!isTime(slot.start) || !isTime(slot.end)) return;
    const key = `${slot.start}-${slot.end}`;
    const first = seen.get(key);
    if (first !== undefined) report(at, 'field.checkpoint.slotRepeated', { slot: first + 1 });
    else seen.set(key, i);
    if (window && !withinWindow(slot, window.opensAt, window.closesAt)) {
      report(at, 'field.checkpoint.slotOutside', { slot: `${slot.start}–${slot.end}`, ...window });
    }
  });
  return out;
}
