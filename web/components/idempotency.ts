/**
 * Create requests with an Idempotency-Key: a retry of the same submission (a timeout, a flaky
 * phone connection, a second tap) carries the same key, so the server answers it once. A changed
 * body is a new submission and gets a new key.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { ApiError } from '../app/api.ts';
import { i18n } from '../app/i18n/index.ts';
import { ME_KEY, useMe } from '../app/session.ts';

/** crypto.randomUUID exists only on https or localhost; a LAN install is plain http, so random bytes. */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: Record<string, string> };
}

async function post<T>(path: string, body: unknown, key: string, csrfToken: string | null): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': i18n.language,
    'content-type': 'application/json',
    'idempotency-key': key,
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, { method: 'POST', credentials: 'same-origin', headers, body: JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('common.networkError'));
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    data = null;
  }
  if (res.ok) return data as T;
  const e = (data as ErrorBody | null)?.error;
  if (e?.message) throw new ApiError(res.status, e.code ?? 'UNKNOWN', e.message, e.fields ?? {});
  throw new ApiError(res.status, 'UNEXPECTED', i18n.t('common.unexpectedResponse', { status: res.status }));
}

/**
 * `create(path, body)` posts with a key kept for as long as the same body is retried; after a
 * success the next identical body is a new submission again.
 */
export function useIdempotentCreate(): <T>(path: string, body: unknown) => Promise<T> {
  const csrfToken = useMe().data?.csrfToken ?? null;
  const client = useQueryClient();
  const last = useRef<{ request: string; key: string } | null>(null);
  return useCallback(
    async <T>(path: string, body: unknown): Promise<T> => {
      const request = `${path}\n${JSON.stringify(body)}`;
      if (last.current?.request !== request) last.current = { request, key: newIdempotencyKey() };
      try {
        const result = await post<T>(path, body, last.current.key, csrfToken);
        last.current = null;
        return result;
      } catch (e) {
        // As the shared client does: a session that ran out sends a signed-in user to the login page.
        if (csrfToken && e instanceof ApiError && e.status === 401) client.setQueryData(ME_KEY, null);
        throw e;
      }
    },
    [csrfToken, client],
  );
}
