import { uuidv7 } from 'uuidv7';

/** Time-ordered ids made by the app, so records made offline can be merged (DESIGN.md §2). */
export function newId(): string {
  return uuidv7();
}

/** The one way a timestamp is written: UTC, millisecond precision, sortable as text. */
export function nowIso(date: Date = new Date()): string {
  return date.toISOString();
}
