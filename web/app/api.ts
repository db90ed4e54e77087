/**
 * The one way the web app talks to the server. It carries the session's CSRF token on writes and
 * the UI language (the server answers errors in it), and turns error bodies into ApiError.
 */
import { i18n } from './i18n/index.ts';

const BASE = '/api/v1';

/** One problem in one row of an uploaded file: the row number and column heading as the file shows them. */
export interface ImportRowProblem {
  row: number;
  field: string;
  column?: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Server field path (`grants.0.regionId`) → message in the UI language. */
    readonly fields: Record<string, string> = {},
    readonly rows: ImportRowProblem[] = [],
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
let onSessionLost: () => void = () => {};

/** The token from the last /auth/login, /setup or /auth/me answer; it is bound to the session cookie. */
export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function whenSessionLost(handler: () => void): void {
  onSessionLost = handler;
}

/** These answer 401 for a wrong password or no session yet; that is not a session that ran out. */
const SESSIONLESS = new Set(['/auth/login', '/setup', '/auth/me']);

type QueryValue = string | number | boolean | null | undefined;

/** Leaves out empty values, so a cleared filter is simply absent. */
export function withQuery(path: string, query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function headersFor(method: string, contentType: string | null): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18n.language };
  if (method !== 'GET') {
    if (contentType) headers['content-type'] = contentType;
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }
  return headers;
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: Record<string, string>; rows?: ImportRowProblem[] };
}

function errorFrom(status: number, body: unknown): ApiError {
  const e = (body as ErrorBody | null)?.error;
  if (e?.message) return new ApiError(status, e.code ?? 'UNKNOWN', e.message, e.fields ?? {}, e.rows ?? []);
  return new ApiError(status, 'UNEXPECTED', i18n.t('common.unexpectedResponse', { status }));
}

function networkError(): ApiError {
  return new ApiError(0, 'NETWORK', i18n.t('common.networkError'));
}

function noticeLostSession(status: number, path: string): void {
  if (status === 401 && !SESSIONLESS.has(path)) onSessionLost();
}

async function parse(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(BASE + path, {
      method,
      credentials: 'same-origin',
      headers: { ...headersFor(method, body === undefined ? null : 'application/json'), ...extraHeaders },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw networkError();
  }
  const data = await parse(res);
  if (!res.ok) {
    noticeLostSession(res.status, path.split('?')[0]!);
    throw errorFrom(res.status, data);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/**
 * Sends a file as the raw request body. XMLHttpRequest, not fetch, because only it reports upload
 * progress, which matters for a large file on a slow community connection.
 */
export function upload<T>(
  path: string,
  file: Blob,
  contentType: string,
  onProgress: (percent: number) => void,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', BASE + path);
    for (const [name, value] of Object.entries({ ...headersFor('POST', contentType), ...extraHeaders }))
      xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? (JSON.parse(xhr.responseText) as unknown) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data as T);
        return;
      }
      noticeLostSession(xhr.status, path);
      reject(errorFrom(xhr.status, data));
    };
    xhr.onerror = () => reject(networkError());
    xhr.send(file);
  });
}

/** Downloads a generated file (an Excel template) under the server's file name. */
export async function download(path: string, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(BASE + path, { credentials: 'same-origin', headers: { 'accept-language': i18n.language } });
  } catch {
    throw networkError();
  }
  if (!res.ok) {
    noticeLostSession(res.status, path);
    throw errorFrom(res.status, await parse(res));
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res.headers.get('content-disposition')) ?? fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `attachment; filename*=UTF-8''%E5%8C%BA…` (RFC 6266) or a plain `filename="…"`. */
function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch {
      return null;
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
}
