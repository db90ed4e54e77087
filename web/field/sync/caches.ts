/**
 * The name of the service worker's cache of API answers (the roster, checkpoints, catalogue, …).
 * One place for it: the worker (web/field/sw.ts) fills it, logout (clearFieldData) empties it,
 * because those answers hold personal data. Kept in a module with no imports, so the worker's
 * bundle can take it without pulling in the app.
 */
export const FIELD_API_CACHE = 'redvest-field-api';

/** Earlier versions of the cache (a name with a version suffix) are cleared with it. */
export function isFieldApiCache(name: string): boolean {
  return name === FIELD_API_CACHE || name.startsWith(`${FIELD_API_CACHE}-`);
}
