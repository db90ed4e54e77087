import { describe, expect, it } from 'vitest';
import {
  contextOfPage,
  contextOfUrl,
  flushQueue,
  ownedBy,
  stampMadeAt,
  uploadUrl,
  verdictOf,
  type OutboxEntry,
  type OutboxNotice,
  type QueueStore,
  type SendOutcome,
} from './queue.ts';

/** The outbox's store, in memory: what IndexedDB keeps on the phone. */
function memoryStore(entries: OutboxEntry[]) {
  const rows = new Map(entries.map((e) => [e.key, e]));
  const notices: OutboxNotice[] = [];
  const store: QueueStore = {
    pending: async () => [...rows.values()].filter((e) => e.status !== 'refused'),
    put: async (e) => void rows.set(e.key, e),
    remove: async (key) => void rows.delete(key),
    addNotice: async (n) => void notices.push(n),
  };
  return { store, rows, notices };
}

let seq = 0;
function entry(key: string, over: Partial<OutboxEntry> = {}): OutboxEntry {
  seq += 1;
  return {
    key,
    seq,
    kind: 'passage',
    method: 'POST',
    url: '/api/v1/passages',
    body: { name: key },
    madeAtField: 'occurredAt',
    madeAt: '2026-12-06T08:00:00.000Z',
    summary: '进 · 36.5℃',
    status: 'waiting',
    tries: 0,
    lastTriedAt: null,
    context: 'account',
    ...over,
  };
}

const ok = (data: unknown = {}): SendOutcome => ({ ok: true, data });
const fail = (status: number, code = 'X', fields?: Record<string, string>): SendOutcome => ({
  ok: false,
  status,
  code,
  message: `${status} ${code}`,
  ...(fields ? { fields } : {}),
});

/** Answers each send from a script keyed by entry key (a list is used up one answer per try). */
function scripted(answers: Record<string, SendOutcome | SendOutcome[]>) {
  const sent: string[] = [];
  const send = async (e: OutboxEntry) => {
    sent.push(e.key);
    const a = answers[e.key] ?? ok();
    return Array.isArray(a) ? (a.shift() ?? ok()) : a;
  };
  return { sent, send };
}

const base = {
  account: 'acc-sun',
  refreshCsrf: async () => false,
  attended: new Set<string>(),
  now: () => new Date('2026-12-06T09:00:00Z'),
};

describe('the outbox queue', () => {
  it('sends oldest first, one at a time, and removes what the server took', async () => {
    const { store, rows } = memoryStore([entry('c', { seq: 30 }), entry('a', { seq: 10 }), entry('b', { seq: 20 })]);
    const { sent, send } = scripted({});
    const report = await flushQueue({ ...base, store, send });
    expect(sent).toEqual(['a', 'b', 'c']);
    expect(rows.size).toBe(0);
    expect([...report.sent.keys()]).toEqual(['a', 'b', 'c']);
    expect(report.reached).toBe(true);
  });

  it('stops at the first send without answer, keeping it and everything behind it waiting', async () => {
    const { store, rows } = memoryStore([entry('a'), entry('b'), entry('c')]);
    const { sent, send } = scripted({ b: fail(0, 'NETWORK') });
    const report = await flushQueue({ ...base, store, send });
    expect(sent).toEqual(['a', 'b']);
    expect(report.offline).toBe(true);
    expect([...rows.keys()]).toEqual(['b', 'c']);
    expect(rows.get('b')).toMatchObject({ status: 'waiting', tries: 1, lastTriedAt: '2026-12-06T09:00:00.000Z' });
    expect(rows.get('c')!.tries).toBe(0);
  });

  it.each([500, 503, 408, 429])('stops on %i and tries again later', async (status) => {
    const { store, rows } = memoryStore([entry('a'), entry('b')]);
    const { sent, send } = scripted({ a: fail(status) });
    const report = await flushQueue({ ...base, store, send });
    expect(sent).toEqual(['a']);
    expect(report.offline).toBe(false);
    expect(rows.get('a')!.status).toBe('waiting');
  });

  it('marks a 4xx refused with its reason and goes on with the next', async () => {
    const { store, rows } = memoryStore([entry('a'), entry('b')]);
    const { sent, send } = scripted({ a: fail(422, 'VALIDATION', { occurredAt: '太早' }) });
    await flushQueue({ ...base, store, send });
    expect(sent).toEqual(['a', 'b']);
    expect(rows.get('a')).toMatchObject({
      status: 'refused',
      error: { status: 422, code: 'VALIDATION', message: '422 VALIDATION', fields: { occurredAt: '太早' } },
    });
    expect(rows.has('b')).toBe(false);
  });

  it('never sends a refused entry again by itself', async () => {
    const { store, rows } = memoryStore([entry('a', { status: 'refused' }), entry('b')]);
    const { sent, send } = scripted({});
    await flushQueue({ ...base, store, send });
    expect(sent).toEqual(['b']);
    expect(rows.get('a')!.status).toBe('refused');
  });

  it('hands the refusal of an entry its form waits for back to the form, not the list', async () => {
    const { store, rows } = memoryStore([entry('a')]);
    const { send } = scripted({ a: fail(422, 'VALIDATION') });
    const report = await flushQueue({ ...base, attended: new Set(['a']), store, send });
    expect(rows.has('a')).toBe(false);
    expect(report.refused.get('a')).toMatchObject({ status: 422, code: 'VALIDATION' });
  });

  it('a changed body under the same key (idempotency mismatch) is refused, not retried forever', async () => {
    expect(verdictOf(fail(422, 'IDEMPOTENCY_MISMATCH'))).toBe('refused');
    expect(verdictOf(fail(409, 'DUTY_ALREADY_CHECKED_IN'))).toBe('refused');
    expect(verdictOf(fail(409, 'IDEMPOTENCY_IN_FLIGHT'))).toBe('later');
    // Written before the answer was lost: done, since every resend would be refused.
    expect(verdictOf(fail(409, 'IDEMPOTENCY_ANSWER_LOST'))).toBe('done');
  });

  it('a lost session holds back its own entries, not a resident link’s', async () => {
    const { store, rows } = memoryStore([entry('a'), entry('r', { context: 'token:abc' }), entry('b')]);
    const { sent, send } = scripted({ a: fail(401, 'UNAUTHENTICATED') });
    await flushQueue({ ...base, store, send });
    expect(sent).toEqual(['a', 'r']);
    expect([...rows.keys()]).toEqual(['a', 'b']);
    expect(rows.get('a')!.status).toBe('waiting');
  });

  it('fetches the CSRF token once when it is missing, and sends again', async () => {
    const { store, rows } = memoryStore([entry('a'), entry('b')]);
    const { sent, send } = scripted({ a: [fail(403, 'CSRF'), ok()] });
    let refreshed = 0;
    await flushQueue({
      ...base,
      store,
      send,
      refreshCsrf: async () => {
        refreshed += 1;
        return true;
      },
    });
    expect(refreshed).toBe(1);
    expect(sent).toEqual(['a', 'a', 'b']);
    expect(rows.size).toBe(0);
  });

  it('a 403 that is not about CSRF is a refusal', () => {
    expect(verdictOf(fail(403, 'FORBIDDEN'))).toBe('refused');
  });

  it('a 202 with a conflict is sent and leaves a notice without the body', async () => {
    const { store, rows, notices } = memoryStore([entry('a', { kind: 'checkIn' })]);
    const { send } = scripted({ a: ok({ conflict: { id: 'c1', reason: '班次已改派' } }) });
    await flushQueue({ ...base, store, send });
    expect(rows.size).toBe(0);
    expect(notices).toEqual([
      {
        key: 'a',
        kind: 'checkIn',
        summary: '进 · 36.5℃',
        madeAt: '2026-12-06T08:00:00.000Z',
        context: 'account',
        conflict: { id: 'c1', reason: '班次已改派' },
        receivedAt: '2026-12-06T09:00:00.000Z',
      },
    ]);
  });

  it('an entry left "sending" by a closed tab is sent again with its key', async () => {
    const { store, rows } = memoryStore([entry('a', { status: 'sending', tries: 1 })]);
    const { sent, send } = scripted({});
    await flushQueue({ ...base, store, send });
    expect(sent).toEqual(['a']);
    expect(rows.size).toBe(0);
  });
});

describe('a phone shared by two accounts', () => {
  const mixed = () =>
    memoryStore([
      entry('sun-1', { accountId: 'acc-sun' }),
      entry('zhao-1', { accountId: 'acc-zhao' }),
      entry('resident', { context: 'token:t1', url: '/api/v1/h/t1/reports' }),
      entry('sun-2', { accountId: 'acc-sun' }),
      entry('older', {}),
    ]);

  it('sends only the signed-in account’s entries (and a resident link’s); the other account’s wait for it', async () => {
    const { store, rows } = mixed();
    const { sent, send } = scripted({});
    await flushQueue({ ...base, account: 'acc-sun', store, send });
    expect(sent).toEqual(['sun-1', 'resident', 'sun-2', 'older']);
    expect([...rows.keys()]).toEqual(['zhao-1']);

    const later = scripted({});
    await flushQueue({ ...base, account: 'acc-zhao', store, send: later.send });
    expect(later.sent).toEqual(['zhao-1']);
    expect(rows.size).toBe(0);
  });

  it('sends no account’s entries before the app knows who is signed in', async () => {
    const { store, rows } = mixed();
    const { sent, send } = scripted({});
    await flushQueue({ ...base, account: null, store, send });
    expect(sent).toEqual(['resident']);
    expect(rows.size).toBe(4);
  });

  it('shows an entry to its own account only', () => {
    expect(ownedBy({ context: 'account', accountId: 'a' }, 'a')).toBe(true);
    expect(ownedBy({ context: 'account', accountId: 'a' }, 'b')).toBe(false);
    expect(ownedBy({ context: 'account', accountId: 'a' }, null)).toBe(false);
    expect(ownedBy({ context: 'account' }, 'b')).toBe(true);
    expect(ownedBy({ context: 'token:t1' }, null)).toBe(true);
  });
});

describe('the time made and the context', () => {
  const draft = {
    kind: 'disinfectionLog' as const,
    method: 'POST' as const,
    url: '/api/v1/disinfection/logs',
    madeAtField: 'doneAt',
    summary: '',
  };

  it('stamps the time made into the named field, unless the form set it', () => {
    expect(stampMadeAt({ ...draft, body: { placeId: 'p' } }, 'T1')).toEqual({ placeId: 'p', doneAt: 'T1' });
    expect(stampMadeAt({ ...draft, body: { placeId: 'p', doneAt: 'T0' } }, 'T1')).toEqual({ placeId: 'p', doneAt: 'T0' });
  });

  it('puts an upload’s fields in the query string, encoded, after any already there', () => {
    const at = '2026-02-10T08:05:00.000Z';
    expect(uploadUrl('/api/v1/errands/orders/o1/deliver-photo', { note: '门口 & 鞋柜', at })).toBe(
      `/api/v1/errands/orders/o1/deliver-photo?note=${encodeURIComponent('门口 & 鞋柜').replace(/%20/g, '+')}&at=${encodeURIComponent(at)}`,
    );
    expect(uploadUrl('/x?a=1', { at, note: null })).toBe(`/x?a=1&at=${encodeURIComponent(at)}`);
    expect(uploadUrl('/x', {})).toBe('/x');
  });

  it('keeps a resident link’s entries apart from the account’s', () => {
    expect(contextOfUrl('/api/v1/h/tok123/reports')).toBe('token:tok123');
    expect(contextOfUrl('/api/v1/passages')).toBe('account');
    expect(contextOfPage('/h/tok123')).toBe('token:tok123');
    expect(contextOfPage('/e/tok123/orders/9')).toBe('token:tok123');
    expect(contextOfPage('/passage/cp1')).toBe('account');
  });
});
