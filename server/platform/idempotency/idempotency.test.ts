import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { nowIso } from '../db/ids.ts';
import { transact } from '../db/transact.ts';

let t: TestApp;
let admin: Client;
let adminId: string;
let cityId: string;

beforeAll(async () => {
  t = await createTestApp();
  adminId = (await t.factory.account({ login: 'idem-admin', grants: [{ role: 'admin', regionId: null }] })).id;
  admin = await t.signIn('idem-admin');
  cityId = (await t.factory.region({ code: '419900' })).id;
});
afterAll(() => t.close());

const count = async (name: string) =>
  (await t.deps.db.db.selectFrom('units').select('id').where('name', '=', name).execute()).length;

describe('Idempotency-Key on create routes', () => {
  it('five concurrent sends of one key create exactly one record, and all get the same answer', async () => {
    const body = { name: '市卫健委', kind: 'city_unit', regionId: cityId };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => admin.post('/api/v1/units', body, { 'idempotency-key': 'k-five' })),
    );
    const ok = answers.filter((a) => a.statusCode === 201);
    // The first runs; the others either replay its answer or are told it is still in flight.
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const a of answers) expect([201, 409]).toContain(a.statusCode);
    expect(new Set(ok.map((a) => a.json().id)).size).toBe(1);
    expect(await count('市卫健委')).toBe(1);
    const again = await admin.post('/api/v1/units', body, { 'idempotency-key': 'k-five' });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(ok[0]!.json().id);
    expect(await count('市卫健委')).toBe(1);
  });

  it('refuses the same key with a different body (422) and writes nothing', async () => {
    await admin.post('/api/v1/units', { name: '市教育局', kind: 'city_unit', regionId: cityId }, { 'idempotency-key': 'k-diff' });
    const res = await admin.post(
      '/api/v1/units',
      { name: '市财政局', kind: 'city_unit', regionId: cityId },
      { 'idempotency-key': 'k-diff' },
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IDEMPOTENCY_MISMATCH');
    expect(await count('市财政局')).toBe(0);
  });

  it('answers 409 while a committed write has no stored answer yet, and never runs it again', async () => {
    const body = { name: '市交通局', kind: 'city_unit', regionId: cityId };
    const first = await admin.post('/api/v1/units', body, { 'idempotency-key': 'k-flight' });
    expect(first.statusCode).toBe(201);
    // As if the instance died between committing the write and storing its answer.
    const unanswered = { state: 'in_flight' as const, statusCode: null, body: null };
    await t.deps.db.db
      .updateTable('idempotencyKeys')
      .set({ ...unanswered, createdAt: nowIso() })
      .where('key', '=', 'k-flight')
      .execute();
    const busy = await admin.post('/api/v1/units', body, { 'idempotency-key': 'k-flight' });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error.code).toBe('IDEMPOTENCY_IN_FLIGHT');
    // A minute on, the answer is known to be lost; the write is still not done twice.
    await t.deps.db.db
      .updateTable('idempotencyKeys')
      .set({ createdAt: nowIso(new Date(Date.now() - 120_000)) })
      .where('key', '=', 'k-flight')
      .execute();
    const lost = await admin.post('/api/v1/units', body, { 'idempotency-key': 'k-flight' });
    expect(lost.statusCode).toBe(409);
    expect(lost.json().error.code).toBe('IDEMPOTENCY_ANSWER_LOST');
    expect(await count('市交通局')).toBe(1);
  });

  it('claims the key in the write transaction: a write that fails leaves no record, and its retry runs', async () => {
    const body = { name: '市审计局', kind: 'city_unit', regionId: cityId };
    // The name is taken: the create fails inside its transaction.
    await admin.post('/api/v1/units', body);
    const failed = await admin.post('/api/v1/units', body, { 'idempotency-key': 'k-rollback' });
    expect(failed.statusCode).toBe(409);
    expect(await t.deps.db.db.selectFrom('idempotencyKeys').select('key').where('key', '=', 'k-rollback').execute()).toEqual([]);
    const other = await admin.post('/api/v1/units', { ...body, name: '市统计局' }, { 'idempotency-key': 'k-rollback' });
    expect(other.statusCode).toBe(201);
  });

  it('a service retrying its transaction claims the key again: the answer is stored once and replayed', async () => {
    const call = {
      actorId: adminId,
      actorLogin: 'idem-admin',
      ip: null,
      idempotency: { scope: adminId, key: 'k-retry', requestHash: 'h', claimed: false },
    };
    await expect(
      transact(t.deps.db.db, call, async () => {
        throw new Error('a drawn code clashed');
      }),
    ).rejects.toThrow('clashed');
    expect(call.idempotency.claimed).toBe(false);
    await transact(t.deps.db.db, call, async () => undefined);
    expect(call.idempotency.claimed).toBe(true);
    const rows = await t.deps.db.db.selectFrom('idempotencyKeys').select('state').where('key', '=', 'k-retry').execute();
    expect(rows).toEqual([{ state: 'in_flight' }]);
  });

  it('does not keep a failed answer: the retry runs again', async () => {
    const bad = await admin.post(
      '/api/v1/units',
      { name: '重名单位', kind: 'city_unit', regionId: '01900000-0000-7000-8000-000000000000' },
      { 'idempotency-key': 'k-fail' },
    );
    expect(bad.statusCode).toBe(404);
    const good = await admin.post(
      '/api/v1/units',
      { name: '重名单位', kind: 'city_unit', regionId: cityId },
      { 'idempotency-key': 'k-fail-2' },
    );
    expect(good.statusCode).toBe(201);
    expect(await t.deps.db.db.selectFrom('idempotencyKeys').select('key').where('key', '=', 'k-fail').execute()).toEqual([]);
  });

  it('keys are per account: another account reusing the key runs its own request', async () => {
    await t.factory.account({ login: 'idem-admin-2', grants: [{ role: 'admin', regionId: null }] });
    const other = await t.signIn('idem-admin-2');
    const body = { name: '市民政局', kind: 'city_unit', regionId: cityId };
    const a = await admin.post('/api/v1/units', body, { 'idempotency-key': 'shared-key' });
    const b = await other.post('/api/v1/units', { ...body, name: '市商务局' }, { 'idempotency-key': 'shared-key' });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json().id).not.toBe(a.json().id);
  });

  it('never keeps a one-time password at rest: a replayed account creation lacks it', async () => {
    const body = { login: 'idem-new', name: '新账号', mobile: '13700001111', grants: [{ role: 'commander', regionId: cityId }] };
    const first = await admin.post('/api/v1/accounts', body, { 'idempotency-key': 'k-acct' });
    expect(first.statusCode).toBe(201);
    expect(first.json().initialPassword).toMatch(/^\S{10}$/);
    const stored = await t.deps.db.db
      .selectFrom('idempotencyKeys')
      .select('body')
      .where('scope', '=', adminId)
      .where('key', '=', 'k-acct')
      .executeTakeFirstOrThrow();
    expect(stored.body).not.toContain(first.json().initialPassword);
    const replay = await admin.post('/api/v1/accounts', body, { 'idempotency-key': 'k-acct' });
    expect(replay.statusCode).toBe(201);
    expect(replay.json().account.id).toBe(first.json().account.id);
    expect(replay.json().initialPassword).toBeUndefined();
  });

  it('rejects a malformed key with a field message', async () => {
    const res = await admin.post(
      '/api/v1/units',
      { name: '某单位', kind: 'city_unit', regionId: cityId },
      { 'idempotency-key': 'x'.repeat(201) },
    );
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(['headers.idempotency-key']);
  });
});
