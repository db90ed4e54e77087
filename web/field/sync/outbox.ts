/**
 * The field app's outbox (issue 11): every write made at the post goes through submitEntry, is kept
 * on the phone with its Idempotency-Key and the time it was made, and is sent in order as soon as
 * the network lets it — right away when it can, otherwise on reconnect, on the next start, and
 * every 30 s while anything waits. The rules of a flush are in queue.ts.
 */
import { api, ApiError, rememberCsrfToken, request, upload } from '../../app/api.ts';
import { newIdempotencyKey } from '../../components/idempotency.ts';
import { isFieldApiCache } from './caches.ts';
import {
  contextOfUrl,
  flushQueue,
  ownedBy,
  stampMadeAt,
  uploadUrl,
  type EntryDraft,
  type OutboxEntry,
  type OutboxNotice,
  type SendOutcome,
  type SubmitResult,
} from './queue.ts';
import { addEntry, allEntries, allNotices, getEntry, idbQueueStore, removeNotice, storeAvailable } from './store.ts';

export type { EntryDraft, EntryKind, OutboxEntry, OutboxNotice, SubmitResult } from './queue.ts';
/** A 202 answer's conflict (kept by the server, flagged for staff), or null. */
export { conflictOf } from './queue.ts';

/** How long one send may go unanswered before it counts as no network (a dead spot hangs rather than fails). */
const SEND_TIMEOUT_MS = 15_000;
/** A photo (up to about 1 MB) on a slow line takes longer to go up than a form. */
const UPLOAD_TIMEOUT_MS = 120_000;
const RETRY_EVERY_MS = 30_000;
const API_BASE = '/api/v1';
/** Serialises flushes of all the app's tabs, where the browser offers it. */
const LOCK_NAME = 'redvest-outbox';

// ---- what the screen shows ----

export interface OutboxSnapshot {
  entries: OutboxEntry[];
  notices: OutboxNotice[];
  /** The phone says it is online and the last send did not fail for want of a network. */
  online: boolean;
  /** The signed-in account, once the app knows it (setOutboxAccount): whose entries go and show. */
  account: string | null;
}

let snapshot: OutboxSnapshot = {
  entries: [],
  notices: [],
  online: typeof navigator === 'undefined' || navigator.onLine,
  account: null,
};
const listeners = new Set<() => void>();
/** Set when a send got no answer; cleared by the next answer or the browser's `online` event. */
let unreachable = false;
/** Tells the app's other tabs that the outbox changed. */
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(LOCK_NAME);

function setSnapshot(next: Partial<OutboxSnapshot>): void {
  snapshot = { ...snapshot, ...next };
  for (const l of listeners) l();
}

function browserOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine;
}

function updateOnline(): void {
  const online = browserOnline() && !unreachable;
  if (online !== snapshot.online) setSnapshot({ online });
}

let reloading: Promise<void> | null = null;
let stale = false;
/** Reads the outbox again for the screen; changes during a read make it read once more at the end. */
function reload(): Promise<void> {
  if (reloading) {
    stale = true;
    return reloading;
  }
  reloading = (async () => {
    do {
      stale = false;
      try {
        const [entries, notices] = await Promise.all([allEntries(), allNotices()]);
        setSnapshot({ entries, notices });
      } catch {
        // No IndexedDB here: the outbox stays empty on screen.
      }
    } while (stale);
    reloading = null;
  })();
  return reloading;
}

function changed(): void {
  void reload();
  channel?.postMessage('changed');
}

export function getSnapshot(): OutboxSnapshot {
  return snapshot;
}

/**
 * Tells the outbox who is signed in (null at logout or when the session is lost): new entries are
 * recorded as theirs, and only theirs are sent and shown (see ownedBy in queue.ts).
 */
export function setOutboxAccount(account: string | null): void {
  if (account === snapshot.account) return;
  setSnapshot({ account });
  if (account) void flushOutbox();
}

/** Calls back on every change of the entries or of the online state; returns the unsubscribe. */
export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  startOutboxSync();
  return () => listeners.delete(listener);
}

export async function listEntries(): Promise<OutboxEntry[]> {
  await reload();
  return snapshot.entries;
}

// ---- sending ----

function apiPath(url: string): string {
  return url.startsWith(API_BASE) ? url.slice(API_BASE.length) : url;
}

/** Submitters following their upload's progress, by entry key. */
const progress = new Map<string, (percent: number) => void>();

/** The entry's request as the app's API client sends it (JSON, or an upload with its fields in the query). */
function requestOf<T>(
  entry: Pick<OutboxEntry, 'method' | 'url' | 'body' | 'upload'>,
  key: string,
  onProgress: (percent: number) => void = () => {},
): Promise<T> {
  const headers = { 'idempotency-key': key };
  if (!entry.upload) return request<T>(entry.method, apiPath(entry.url), entry.body, headers);
  const type = entry.upload.type || 'image/jpeg';
  return upload<T>(apiPath(uploadUrl(entry.url, entry.body)), entry.upload, type, onProgress, headers);
}

/** One send through the app's API client: the same CSRF token, language and error reading as every request. */
async function send(entry: OutboxEntry): Promise<SendOutcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ApiError(0, 'TIMEOUT', '')), entry.upload ? UPLOAD_TIMEOUT_MS : SEND_TIMEOUT_MS);
  });
  try {
    const data = await Promise.race([requestOf<unknown>(entry, entry.key, progress.get(entry.key)), timeout]);
    return { ok: true, data };
  } catch (e) {
    if (e instanceof ApiError) return { ok: false, status: e.status, code: e.code, message: e.message, fields: e.fields };
    return { ok: false, status: 0, code: 'NETWORK', message: e instanceof Error ? e.message : String(e) };
  } finally {
    clearTimeout(timer);
  }
}

async function refreshCsrf(): Promise<boolean> {
  try {
    const me = await api.get<{ csrfToken?: string }>('/auth/me');
    if (!me.csrfToken) return false;
    rememberCsrfToken(me.csrfToken);
    return true;
  } catch {
    return false;
  }
}

/** Submitters waiting for their own entry's answer, and what their flush found. */
const attended = new Set<string>();
const answers = new Map<string, { data: unknown } | { error: ApiError }>();

async function flushOnce(): Promise<void> {
  if (!browserOnline()) return;
  const report = await flushQueue({
    store: idbQueueStore,
    account: snapshot.account,
    send,
    refreshCsrf,
    attended,
    now: () => new Date(),
    changed,
  });
  for (const [key, data] of report.sent) if (attended.has(key)) answers.set(key, { data });
  for (const [key, e] of report.refused) answers.set(key, { error: new ApiError(e.status, e.code, e.message, e.fields ?? {}) });
  if (report.reached) unreachable = false;
  if (report.offline) unreachable = true;
  updateOnline();
}

/** Under the browser's lock when there is one, so two tabs never send the same entry at once. */
function locked<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? locks.request(LOCK_NAME, work) : work();
}

let running: Promise<void> | null = null;
let next: Promise<void> | null = null;

/**
 * Sends what waits, oldest first, one at a time. While a flush runs, a new call waits for it and
 * then runs once more (for the entries added meanwhile); calls during that wait share that run.
 */
export function flushOutbox(): Promise<void> {
  if (!running) {
    running = locked(flushOnce)
      .catch(() => {
        // IndexedDB failed or vanished: nothing was lost that is not still stored; the timer tries again.
      })
      .finally(() => {
        running = null;
        void reload();
      });
    return running;
  }
  next ??= running.then(() => {
    next = null;
    return flushOutbox();
  });
  return next;
}

/** Without IndexedDB there is no outbox: the entry goes straight to the server, as before issue 11. */
async function sendDirect<T>(draft: EntryDraft, onProgress?: (percent: number) => void): Promise<SubmitResult<T>> {
  const body = stampMadeAt(draft, new Date().toISOString());
  return { sent: true, data: await requestOf<T>({ ...draft, body }, newIdempotencyKey(), onProgress) };
}

/**
 * Keeps the entry in the outbox with the time it was made and an Idempotency-Key, then sends the
 * queue. The answer for this entry: sent (with the server's answer), or kept to be sent later. A
 * refusal of the entry sent right away is thrown as an ApiError, like the API client does, so the
 * form shows it under its fields (and the entry leaves the outbox: the form still holds it).
 */
export async function submitEntry<T>(
  draft: EntryDraft,
  options: { onProgress?: (percent: number) => void } = {},
): Promise<SubmitResult<T>> {
  startOutboxSync();
  if (!(await storeAvailable())) return sendDirect<T>(draft, options.onProgress);
  const madeAt = new Date().toISOString();
  const key = newIdempotencyKey();
  const context = contextOfUrl(draft.url);
  attended.add(key);
  if (options.onProgress) progress.set(key, options.onProgress);
  try {
    await addEntry({
      key,
      kind: draft.kind,
      method: draft.method,
      url: draft.url,
      body: stampMadeAt(draft, madeAt),
      madeAtField: draft.madeAtField,
      madeAt,
      summary: draft.summary,
      status: 'waiting',
      tries: 0,
      lastTriedAt: null,
      context,
      ...(context === 'account' && snapshot.account ? { accountId: snapshot.account } : {}),
      ...(draft.upload ? { upload: draft.upload } : {}),
    });
    changed();
    // The last send got no answer: the form is not held up by another wait; the timer and the
    // `online` event send it.
    if (unreachable) return { sent: false };
    await flushOutbox();
    const answer = answers.get(key);
    if (answer && 'error' in answer) throw answer.error;
    if (answer) return { sent: true, data: answer.data as T };
    return { sent: false };
  } finally {
    attended.delete(key);
    answers.delete(key);
    progress.delete(key);
  }
}

/** Removes a refused entry (the user has read why); waiting entries cannot be dismissed. */
export async function dismissEntry(key: string): Promise<void> {
  const entry = await getEntry(key);
  if (entry?.status === 'refused') await idbQueueStore.remove(key);
  else await removeNotice(key);
  changed();
}

/** Sends again now: the refused entry goes back in line (for a refusal that may have passed, e.g. a shift not yet open). */
export async function retryEntry(key: string): Promise<void> {
  const entry = await getEntry(key);
  if (entry?.status === 'refused') {
    const { error: _dropped, ...rest } = entry;
    await idbQueueStore.put({ ...rest, status: 'waiting' });
    changed();
  }
  unreachable = false;
  await flushOutbox();
}

export type ClearResult = { cleared: true } | { cleared: false; unsent: number };

/**
 * At logout: the account's entries and the cached API answers hold personal data and go. Entries
 * not yet sent would be lost, so unless `force` the caller gets their number back to ask the user
 * first.
 */
export async function clearFieldData(options: { force?: boolean } = {}): Promise<ClearResult> {
  const work = async (): Promise<ClearResult> => {
    if (await storeAvailable()) {
      // Another account's entries (a phone handed over) stay for that account: not this one's to drop.
      const [entries, notices] = await Promise.all([allEntries(), allNotices()]);
      const mine = entries.filter((e) => ownedBy(e, snapshot.account));
      if (mine.length && !options.force) return { cleared: false, unsent: mine.length };
      for (const e of mine) await idbQueueStore.remove(e.key);
      for (const n of notices) if (ownedBy(n, snapshot.account)) await removeNotice(n.key);
    }
    if (typeof caches !== 'undefined') {
      const names = await caches.keys();
      await Promise.all(names.filter(isFieldApiCache).map((n) => caches.delete(n)));
    }
    return { cleared: true };
  };
  // Not in the middle of a flush, which would write its entry back.
  if (running) await running.catch(() => undefined);
  const result = await locked(work);
  changed();
  return result;
}

// ---- when to flush ----

let started = false;

/** Flush triggers: now (the app's start), the browser's `online` event, and every 30 s while entries wait. */
export function startOutboxSync(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  window.addEventListener('online', () => {
    unreachable = false;
    updateOnline();
    void flushOutbox();
  });
  window.addEventListener('offline', updateOnline);
  channel?.addEventListener('message', () => void reload());
  setInterval(() => {
    if (snapshot.entries.some((e) => e.status !== 'refused' && ownedBy(e, snapshot.account))) void flushOutbox();
  }, RETRY_EVERY_MS);
  void reload().then(() => flushOutbox());
}
