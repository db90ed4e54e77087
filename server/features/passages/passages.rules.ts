/**
 * The rules of one entry at the gate, for create and edit alike. The route schemas check types
 * and ranges (35.0–42.0 °C, plate shape, mobile); these are the rules between fields.
 */
import { FEVER_THRESHOLD, type PassageIdentityMode } from '../../../common/enums.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import type { EntryValues } from './passages.repository.ts';

/** A reading at or above 37.3 °C (DESIGN.md §6). */
export const isFeverReading = (t: number | null): boolean => t !== null && t >= FEVER_THRESHOLD;

/** A fever is confirmed by the re-measure: both readings at or above the threshold. */
export const isFever = (v: Pick<EntryValues, 'temperature' | 'remeasured'>): boolean =>
  isFeverReading(v.temperature) && isFeverReading(v.remeasured);

/** The picker steps by 0.1 °C; more decimals mean a typed or mangled value. */
const oneDecimal = (t: number) => Math.abs(t * 10 - Math.round(t * 10)) < 1e-9;

export function entryProblems(v: EntryValues, identity: PassageIdentityMode): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  const set = (field: string, reason: string, params?: FieldProblem['params']) => {
    problems[field] ??= { reason, ...(params ? { params } : {}) };
  };

  if (v.subject === 'person') {
    if (v.temperature === null) set('temperature', 'field.passage.temperatureRequired');
    if (v.people !== 1) set('people', 'field.passage.personPeople');
    if (v.plate !== null) set('plate', 'field.passage.plateForPerson');
    if (identity === 'required') {
      if (v.name === null) set('name', 'field.passage.identityRequired');
      if (v.mobile === null) set('mobile', 'field.passage.identityRequired');
    }
  } else if (v.plate === null) {
    set('plate', 'field.passage.plateRequired');
  }
  if (identity === 'off') {
    if (v.name !== null) set('name', 'field.passage.identityOff');
    if (v.mobile !== null) set('mobile', 'field.passage.identityOff');
  }

  if (v.temperature !== null && !oneDecimal(v.temperature)) set('temperature', 'field.passage.temperatureDecimals');
  if (v.remeasured !== null && !oneDecimal(v.remeasured)) set('remeasured', 'field.passage.temperatureDecimals');
  if (isFeverReading(v.temperature)) {
    if (v.remeasured === null) set('remeasured', 'field.passage.remeasureRequired', { threshold: FEVER_THRESHOLD });
  } else if (v.remeasured !== null) {
    set('remeasured', 'field.passage.remeasureNotNeeded', { threshold: FEVER_THRESHOLD });
  }
  return problems;
}
