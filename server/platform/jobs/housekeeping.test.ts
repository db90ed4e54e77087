import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { newId, nowIso } from '../db/ids.ts';
import { housekeepingJobs } from './housekeeping.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const DAY = 24 * 3600_000;
const ago = (ms: number) => nowIso(new Date(Date.now() - ms));

describe('housekeeping jobs', () => {
  it('remove expired sessions, old idempotency records, stale counters and old events, and keep the rest', async () => {
    const { db } = t.deps.db;
    const account = await t.factory.account();
    const session = (id: string, expiresAt: string) => ({
      id,
      accountId: account.id,
      createdAt: ago(DAY),
      lastSeenAt: ago(DAY),
      expiresAt,
      ip: null,
      userAgent: null,
    });
    await db
      .insertInto('sessions')
      .values([session('old', ago(1000)), session('live', nowIso(new Date(Date.now() + DAY)))])
      .execute();
    const record = (key: string, createdAt: string) => ({
      scope: 's',
      key,
      requestHash: 'h',
      state: 'done' as const,
      statusCode: 201,
      contentType: 'application/json',
      body: '{}',
      createdAt,
    });
    await db
      .insertInto('idempotencyKeys')
      .values([record('old', ago(2 * DAY)), record('new', ago(1000))])
      .execute();
    await db
      .insertInto('rateLimits')
      .values([
        { key: 'old', windowStart: ago(2 * DAY), count: 3 },
        { key: 'new', windowStart: ago(1000), count: 1 },
      ])
      .execute();
    const event = (at: string) => ({
      at,
      type: 't',
      permission: 'regions.read',
      regionPath: null,
      entityType: null,
      entityId: newId(),
      data: null,
    });
    await db
      .insertInto('events')
      .values([event(ago(8 * DAY)), event(ago(1000))])
      .execute();

    for (const job of housekeepingJobs(t.deps.db)) await job.run(nowIso());

    expect((await db.selectFrom('sessions').select('id').execute()).map((r) => r.id)).toEqual(['live']);
    expect((await db.selectFrom('idempotencyKeys').select('key').execute()).map((r) => r.key)).toEqual(['new']);
    expect((await db.selectFrom('rateLimits').select('key').execute()).map((r) => r.key)).toEqual(['new']);
    expect(await db.selectFrom('events').select('id').execute()).toHaveLength(1);
  });

  it('never removes the newest event, so event ids are never reused', async () => {
    const { db } = t.deps.db;
    await db.deleteFrom('events').execute();
    const event = {
      at: ago(30 * DAY),
      type: 't',
      permission: 'regions.read',
      regionPath: null,
      entityType: null,
      entityId: null,
      data: null,
    };
    await db.insertInto('events').values([event, event]).execute();
    const newest = Number(
      (
        await db
          .selectFrom('events')
          .select((e) => e.fn.max('id').as('m'))
          .executeTakeFirstOrThrow()
      ).m,
    );
    for (const job of housekeepingJobs(t.deps.db)) if (job.name === 'purge-events') await job.run(nowIso());
    expect((await db.selectFrom('events').select('id').execute()).map((r) => Number(r.id))).toEqual([newest]);
    const next = await db.insertInto('events').values(event).returning('id').executeTakeFirstOrThrow();
    expect(Number(next.id)).toBeGreaterThan(newest);
  });
});
