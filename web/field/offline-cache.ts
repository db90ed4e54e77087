import { FIELD_API_CACHE, isFieldApiCache } from './sync/caches.ts';

export { FIELD_API_CACHE };

/**
 * Forgets the API answers the service worker kept for offline use (the account's duty, lists,
 * names) without touching the outbox: when the session is found gone, and at the staff desk's
 * logout (the desk does not load the outbox). The field app's logout goes through
 * `clearFieldData`, which asks first when entries still wait.
 */
export async function forgetCachedAnswers(): Promise<void> {
  if (typeof caches === 'undefined') return;
  const names = await caches.keys();
  await Promise.all(names.filter(isFieldApiCache).map((name) => caches.delete(name)));
}
