/**
 * Uploads a file to a route that answers with NDJSON (one JSON object per line, written as the
 * work goes on). One XMLHttpRequest gives both halves of the progress: the upload's bytes (fetch
 * cannot report those) and the answer's lines as they arrive (responseText grows while loading).
 */
import { ApiError, type ImportRowProblem } from '../app/api.ts';
import { i18n } from '../app/i18n/index.ts';

export interface NdjsonUpload {
  path: string;
  file: Blob;
  contentType: string;
  csrfToken: string | null;
  onUploadProgress: (percent: number) => void;
  onLine: (line: unknown) => void;
}

function parseLines(text: string, onLine: (line: unknown) => void): void {
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    try {
      onLine(JSON.parse(line) as unknown);
    } catch {
      // A line cut off by a dropped connection; the missing final result says what happened.
    }
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: Record<string, string>; rows?: ImportRowProblem[] };
}

function parseError(text: string): ErrorBody | null {
  try {
    return text ? (JSON.parse(text) as ErrorBody) : null;
  } catch {
    return null;
  }
}

export function uploadNdjson({ path, file, contentType, csrfToken, onUploadProgress, onLine }: NdjsonUpload): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let consumed = 0;
    const ok = () => xhr.status >= 200 && xhr.status < 300;
    // Only whole lines: the last piece waits for its newline (or the end of the answer).
    const drain = (final: boolean) => {
      const text = xhr.responseText;
      const end = final ? text.length : text.lastIndexOf('\n') + 1;
      if (end <= consumed) return;
      parseLines(text.slice(consumed, end), onLine);
      consumed = end;
    };
    xhr.open('POST', `/api/v1${path}`);
    xhr.setRequestHeader('accept', 'application/x-ndjson, application/json');
    xhr.setRequestHeader('accept-language', i18n.language);
    xhr.setRequestHeader('content-type', contentType);
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onUploadProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onprogress = () => {
      if (ok()) drain(false);
    };
    xhr.onload = () => {
      if (ok()) {
        drain(true);
        resolve();
        return;
      }
      const body = parseError(xhr.responseText);
      const e = body?.error;
      reject(
        e?.message
          ? new ApiError(xhr.status, e.code ?? 'UNKNOWN', e.message, e.fields ?? {}, e.rows ?? [])
          : new ApiError(xhr.status, 'UNEXPECTED', i18n.t('common.unexpectedResponse', { status: xhr.status })),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', i18n.t('common.networkError')));
    xhr.send(file);
  });
}
