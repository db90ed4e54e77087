/**
 * The outbox's rules, apart from IndexedDB and fetch so they can be tested in Node: which entries
 * go first, what each answer of the server means for the entry, and when a flush stops.
 */

export type EntryKind = 'passage' | 'checkIn' | 'checkOut' | 'screeningVisit' | 'disinfectionLog' | 'healthReport' | 'errandStep';

export const ENTRY_KINDS: readonly EntryKind[] = [
  'passage',
  'checkIn',
  'checkOut',
  'screeningVisit',
  'disinfectionLog',
  'healthReport',
  'errandStep',
];

export interface EntryDraft {
  kind: EntryKind;
  method: 'POST';
  /** '/api/v1/...' */
  url: string;
  body: Record<string, unknown>;
  /** Name of the body field that carries the time the entry was made ('occurredAt' | 'at' | 'visitedAt' | 'doneAt' | 'madeAt'). */
  madeAtField: string;
  /** Short text for the waiting list, no personal data, e.g. '进 · 36.5℃'. */
  summary: string;
  /** A photo sent as the request's body (a delivery's proof); `body` then rides in the query string. */
  upload?: Blob;
}

/** sent:false = kept in the outbox, will be sent later. */
export type SubmitResult<T> = { sent: true; data: T } | { sent: false };

export type EntryStatus = 'waiting' | 'sending' | 'refused';

export interface EntryError {
  /** The HTTP status of the refusal. */
  status: number;
  code: string;
  message: string;
  fields?: Record<string, string>;
}

export interface OutboxEntry {
  /** Also the Idempotency-Key: a resend after a lost answer is recognised by the server. */
  key: string;
  /** Order of making on this device; entries are sent in this order. */
  seq: number;
  kind: EntryKind;
  method: 'POST';
  url: string;
  body: Record<string, unknown>;
  madeAtField: string;
  madeAt: string;
  summary: string;
  status: EntryStatus;
  error?: EntryError;
  tries: number;
  lastTriedAt: string | null;
  /** Whose entry it is (`account`, or `token:<t>` for a resident's link): see contextOfUrl. */
  context: string;
  /** An account's entry: the account signed in when it was made (see ownedBy). */
  accountId?: string;
  /** See EntryDraft.upload: kept on the phone with the entry (IndexedDB holds blobs). */
  upload?: Blob;
}

/** An entry the server kept but flagged (202 with a conflict): the user is told once, then dismisses it. */
export interface OutboxNotice {
  key: string;
  kind: EntryKind;
  summary: string;
  madeAt: string;
  context: string;
  conflict: { id: string; reason: string };
  receivedAt: string;
  accountId?: string;
}

/**
 * A resident's link carries its own token and needs no session, so its entries are sent whatever
 * account (if any) is signed in on the phone, and are shown on that link's pages only. Everything
 * else belongs to the signed-in account.
 */
export function contextOfUrl(url: string): string {
  const m = /^(?:\/api\/v1)?\/(?:h|e)\/([^/?#]+)/.exec(url);
  return m ? `token:${decodeURIComponent(m[1]!)}` : 'account';
}

/** The page's context: the resident pages `/h/:token` and `/e/:token/…` show their link's entries. */
export function contextOfPage(pathname: string): string {
  const m = /^\/(?:h|e)\/([^/?#]+)/.exec(pathname);
  return m ? `token:${decodeURIComponent(m[1]!)}` : 'account';
}

/**
 * The time made goes in the field the server reads it from, unless the form already set it (a
 * disinfection job logged afterwards carries the time it was done, chosen by the user).
 */
export function stampMadeAt(draft: EntryDraft, madeAt: string): Record<string, unknown> {
  const given = draft.body[draft.madeAtField];
  return given === undefined || given === null ? { ...draft.body, [draft.madeAtField]: madeAt } : { ...draft.body };
}

/**
 * Whether the signed-in account (null: none, or not known yet) may send and see an entry. A
 * resident link's entries carry their token and go in any session. An account's go only in the
 * session of the account that made them: on a phone handed over at the shift change, or signed
 * into by someone else after the session ran out, they wait for their own account instead of
 * reaching the server as the next person's. (Entries kept before accounts were recorded count as
 * the signed-in account's.)
 */
export function ownedBy(entry: { context: string; accountId?: string | undefined }, account: string | null): boolean {
  if (entry.context !== 'account') return true;
  return account !== null && (entry.accountId === undefined || entry.accountId === account);
}

/** Where an entry with an upload goes: its fields in the query string, after any already there. */
export function uploadUrl(url: string, body: Record<string, unknown>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(body)) if (value !== undefined && value !== null) query.set(name, String(value));
  const text = query.toString();
  return text ? `${url}${url.includes('?') ? '&' : '?'}${text}` : url;
}

/** What came back for one send; status 0 means no answer at all (no network, a timeout). */
export type SendOutcome =
  { ok: true; data: unknown } | { ok: false; status: number; code: string; message: string; fields?: Record<string, string> };

/**
 * - done: the server has it (2xx, or an answer lost after the write committed);
 * - refused: a 4xx about the entry itself, which no resend will change;
 * - offline: no answer; nothing more can go now;
 * - later: the server is busy or failing (5xx, 408, 429, the same key still being answered);
 * - signIn: the session ran out or its CSRF token is unknown; the account's entries wait for it,
 *   a resident's link entries still go.
 */
export type Verdict = 'done' | 'refused' | 'offline' | 'later' | 'signIn' | 'csrf';

export function verdictOf(o: SendOutcome): Verdict {
  if (o.ok) return 'done';
  if (o.status === 0) return 'offline';
  if (o.status >= 500 || o.status === 408 || o.status === 429) return 'later';
  if (o.status === 401) return 'signIn';
  if (o.status === 403 && o.code === 'CSRF') return 'csrf';
  if (o.status === 409 && o.code === 'IDEMPOTENCY_IN_FLIGHT') return 'later';
  // The write committed before the server lost its answer: sending again would be refused forever
  // (and, once the key expires, would write twice).
  if (o.status === 409 && o.code === 'IDEMPOTENCY_ANSWER_LOST') return 'done';
  // Anything else in 4xx (a changed body under the same key, 422 IDEMPOTENCY_MISMATCH included)
  // is final: kept as refused so it can never loop.
  return 'refused';
}

/** The conflict of a 202 answer, when the server kept the entry but flagged it. */
export function conflictOf(data: unknown): OutboxNotice['conflict'] | null {
  const c = (data as { conflict?: unknown } | null)?.conflict as { id?: unknown; reason?: unknown } | undefined;
  if (!c || typeof c !== 'object') return null;
  return { id: String(c.id ?? ''), reason: String(c.reason ?? '') };
}

export interface QueueStore {
  /** Entries not refused, oldest first. */
  pending(): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  remove(key: string): Promise<void>;
  addNotice(notice: OutboxNotice): Promise<void>;
}

export interface FlushDeps {
  store: QueueStore;
  /** The signed-in account, null until known: only its own entries go (see ownedBy). */
  account: string | null;
  send: (entry: OutboxEntry) => Promise<SendOutcome>;
  /** Fetches the session's CSRF token again (an app started offline never got it); true if it did. */
  refreshCsrf: () => Promise<boolean>;
  /** Entries whose submitter is waiting on the form: a refusal goes back to the form instead of the list. */
  attended: ReadonlySet<string>;
  now: () => Date;
  /** Called after each change of an entry, so the list on screen follows. */
  changed?: () => void;
}

export interface FlushReport {
  sent: Map<string, unknown>;
  /** Refusals of attended entries (removed from the outbox: the form shows them). */
  refused: Map<string, EntryError>;
  /** Stopped because nothing answered. */
  offline: boolean;
  /** At least one answer came back from the server. */
  reached: boolean;
}

function errorOf(o: Extract<SendOutcome, { ok: false }>): EntryError {
  return {
    status: o.status,
    code: o.code,
    message: o.message,
    ...(o.fields && Object.keys(o.fields).length ? { fields: o.fields } : {}),
  };
}

/**
 * Sends the pending entries one at a time in the order they were made. A refusal does not hold
 * back the entries behind it; no answer, or a failing server, stops the whole flush (the next one
 * starts again from the oldest); a lost session holds back only its own context's entries, and
 * another account's entries wait for that account.
 */
export async function flushQueue(deps: FlushDeps): Promise<FlushReport> {
  const { store, now } = deps;
  const report: FlushReport = { sent: new Map(), refused: new Map(), offline: false, reached: false };
  const held = new Set<string>();
  let csrfTried = false;
  const entries = (await store.pending()).sort((a, b) => a.seq - b.seq);
  for (const original of entries) {
    if (held.has(original.context) || !ownedBy(original, deps.account)) continue;
    let entry: OutboxEntry = { ...original, status: 'sending', tries: original.tries + 1, lastTriedAt: now().toISOString() };
    await store.put(entry);
    deps.changed?.();
    let outcome = await deps.send(entry);
    let verdict = verdictOf(outcome);
    if (verdict === 'csrf' && !csrfTried) {
      csrfTried = true;
      if (await deps.refreshCsrf()) {
        outcome = await deps.send(entry);
        verdict = verdictOf(outcome);
      }
    }
    if (verdict !== 'offline') report.reached = true;
    const back = { ...entry, status: 'waiting' as const };
    switch (verdict) {
      case 'done': {
        await store.remove(entry.key);
        const data = outcome.ok ? outcome.data : null;
        report.sent.set(entry.key, data);
        const conflict = conflictOf(data);
        if (conflict)
          await store.addNotice({
            key: entry.key,
            kind: entry.kind,
            summary: entry.summary,
            madeAt: entry.madeAt,
            context: entry.context,
            conflict,
            receivedAt: now().toISOString(),
            ...(entry.accountId ? { accountId: entry.accountId } : {}),
          });
        break;
      }
      case 'refused': {
        const error = errorOf(outcome as Extract<SendOutcome, { ok: false }>);
        if (deps.attended.has(entry.key)) {
          await store.remove(entry.key);
          report.refused.set(entry.key, error);
        } else {
          entry = { ...entry, status: 'refused', error };
          await store.put(entry);
        }
        break;
      }
      case 'signIn':
      case 'csrf':
        await store.put(back);
        held.add(entry.context);
        break;
      case 'offline':
      case 'later':
        await store.put(back);
        deps.changed?.();
        report.offline = verdict === 'offline';
        return report;
      default: {
        const never: never = verdict;
        throw new Error(`unknown verdict ${String(never)}`);
      }
    }
    deps.changed?.();
  }
  return report;
}
