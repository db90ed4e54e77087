/**
 * Create requests with an Idempotency-Key: a retry of the same submission (a timeout, a flaky
 * phone connection, a second tap) carries the same key, so the server answers it once. A changed
 * body is a new submission and gets a new key.
 */
import { useCallback, useRef } from 'react';
import { request } from '../app/api.ts';

/** crypto.randomUUID exists only on https or localhost; a LAN install is plain http, so random bytes. */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * `create(path, body)` posts with a key kept for as long as the same body is retried; after a
 * success the next identical body is a new submission again.
 */
export function useIdempotentCreate(): <T>(path: string, body: unknown) => Promise<T> {
  const last = useRef<{ request: string; key: string } | null>(null);
  return useCallback(async <T>(path: string, body: unknown): Promise<T> => {
    const current = `${path}\n${JSON.stringify(body)}`;
    if (last.current?.request !== current) last.current = { request: current, key: newIdempotencyKey() };
    const result = await request<T>('POST', path, body, { 'idempotency-key': last.current.key });
    last.current = null;
    return result;
  }, []);
}
