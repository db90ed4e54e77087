import type { PassageDirection, PassagePurpose, PassageSubject } from '../../../../common/enums.ts';
import type { CreatePassageInput, Passage, PassageSettings, UpdatePassageInput } from '../passages.api.ts';

/** The entry form's fields, named as the server names them so its field problems land under them. */
export interface EntryValues {
  direction: PassageDirection;
  subject: PassageSubject;
  temperature: number | null;
  remeasured: number | null;
  name: string;
  mobile: string;
  plate: string | null;
  people: number;
  originCode: string | null;
  purpose: PassagePurpose | null;
  leaflets: number;
}

/** What a thermometer gun reads on most people: the picker starts there. */
export const DEFAULT_TEMPERATURE = 36.5;

export function blankEntry(direction: PassageDirection, subject: PassageSubject): EntryValues {
  return {
    direction,
    subject,
    temperature: DEFAULT_TEMPERATURE,
    remeasured: null,
    name: '',
    mobile: '',
    plate: null,
    people: 1,
    originCode: null,
    purpose: null,
    leaflets: 0,
  };
}

export function isFever(temperature: number | null | undefined, settings: PassageSettings): boolean {
  return temperature !== null && temperature !== undefined && temperature >= settings.feverThreshold;
}

export function entryOf(p: Passage): EntryValues {
  return {
    direction: p.direction,
    subject: p.subject,
    temperature: p.temperature,
    remeasured: p.remeasured,
    name: p.name ?? '',
    mobile: p.mobile ?? '',
    plate: p.plate,
    people: p.people,
    originCode: p.originCode,
    purpose: p.purpose,
    leaflets: p.leaflets,
  };
}

type EntryFields = Omit<CreatePassageInput, 'checkpointId' | 'occurredAt'>;

/**
 * The fields as the server takes them: a re-measure only with a fever reading, a plate and
 * occupants only for a vehicle, and no name or mobile where the configuration turns them off.
 */
function fieldsOf(v: EntryValues, settings: PassageSettings): Required<EntryFields> {
  const vehicle = v.subject === 'vehicle';
  return {
    direction: v.direction,
    subject: v.subject,
    people: vehicle ? v.people : 1,
    name: v.name.trim() || null,
    mobile: v.mobile.trim() || null,
    plate: vehicle ? v.plate : null,
    originCode: v.originCode,
    temperature: v.temperature,
    remeasured: isFever(v.temperature, settings) ? v.remeasured : null,
    purpose: v.purpose,
    leaflets: v.leaflets,
  };
}

export function createBody(checkpointId: string, v: EntryValues, settings: PassageSettings): CreatePassageInput {
  const body: CreatePassageInput = { checkpointId, direction: v.direction, subject: v.subject };
  for (const [key, value] of Object.entries(fieldsOf(v, settings))) {
    if (key === 'name' || key === 'mobile') {
      if (settings.identity === 'off') continue;
    }
    // Unset fields are left out: the server's defaults and rules apply to what was actually entered.
    if (value !== null) Object.assign(body, { [key]: value });
  }
  return body;
}

/** Only what the correction changed (the server refuses an empty change); null when nothing did. */
export function updateBody(before: Passage, v: EntryValues, settings: PassageSettings): UpdatePassageInput | null {
  const was = fieldsOf(entryOf(before), settings);
  const now = fieldsOf(v, settings);
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(now) as (keyof EntryFields)[]) {
    if ((key === 'name' || key === 'mobile') && settings.identity === 'off') continue;
    if (now[key] !== was[key]) body[key] = now[key];
  }
  return Object.keys(body).length ? (body as UpdatePassageInput) : null;
}
