/**
 * The rules of one returnee's registration between fields: the trip number that fits the way they
 * travelled, and a return date that is neither ahead nor long past. The route schemas check types
 * and shapes; the measure the facts call for is `proposeMeasure` in common/measures.ts.
 */
import type { TransportMode } from '../../../common/enums.ts';
import type { FieldProblem } from '../../platform/errors.ts';

/** A return longer ago than this is no longer a return to follow (two isolation periods and more). */
export const RETURN_WINDOW_DAYS = 60;

/** Train numbers: G/D/C/Z/T/K/L/Y/S and up to four digits (G72, K1156), or four digits alone (1461). */
const RAIL = /^(?:[GDCZTKLYS]\d{1,4}|\d{4})$/;
/** Flight numbers: a two-character airline code (CA, MU, 3U) and one to four digits, maybe a suffix letter. */
const AIR = /^(?:[A-Z]{2}|[A-Z]\d|\d[A-Z])\d{1,4}[A-Z]?$/;

const NEEDS_TRIP: ReadonlySet<TransportMode> = new Set(['rail', 'air', 'coach', 'ship']);

/** Upper case without spaces for rail and air (people type "g 72"); free text trimmed otherwise. */
export function normaliseTrip(transport: TransportMode, raw: string | null | undefined): string | null {
  const text = raw?.trim() ?? '';
  if (!text) return null;
  return transport === 'rail' || transport === 'air' ? text.replace(/\s+/g, '').toUpperCase() : text;
}

/** What is wrong with a (normalised) trip number for this transport, if anything. */
export function tripProblem(transport: TransportMode, trip: string | null): FieldProblem | null {
  if (trip === null) return NEEDS_TRIP.has(transport) ? { reason: 'field.returnee.tripRequired' } : null;
  if (transport === 'rail' && !RAIL.test(trip)) return { reason: 'field.returnee.tripRail' };
  if (transport === 'air' && !AIR.test(trip)) return { reason: 'field.returnee.tripAir' };
  return null;
}

/** A return date in the future, or more than RETURN_WINDOW_DAYS before today. */
export function returnDateProblem(returnedOn: string, today: string, oldest: string): FieldProblem | null {
  if (returnedOn > today) return { reason: 'field.returnee.returnedFuture' };
  if (returnedOn < oldest) return { reason: 'field.returnee.returnedOld', params: { days: RETURN_WINDOW_DAYS } };
  return null;
}
