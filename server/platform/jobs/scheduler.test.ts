import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { Scheduler, type JobDefinition } from './scheduler.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const T0 = Date.parse('2026-03-01T00:00:00.000Z');

describe('scheduler', () => {
  it('runs each slot exactly once across three instances ticking at the same moments', async () => {
    let runs = 0;
    const job: JobDefinition = { name: 'count-ticks', everyMs: 1_000, run: async () => void runs++ };
    let k = 0;
    const instances = ['a', 'b', 'c'].map(
      (instance, i) => new Scheduler(t.deps.db, [job], { instance, now: () => T0 + k * 1_000 + i * 7 }),
    );
    for (k = 0; k < 30; k++) {
      // All three look at once, at slightly different moments inside the same slot.
      await Promise.all(instances.map((s) => s.tick()));
      await Promise.all(instances.map((s) => s.idle()));
    }
    expect(runs).toBe(30);
    const rows = await t.deps.db.db
      .selectFrom('jobRuns')
      .select(['slot', 'instance', 'status'])
      .where('job', '=', 'count-ticks')
      .execute();
    expect(rows.length).toBe(30);
    expect(rows.every((r) => r.status === 'ok')).toBe(true);
  });

  it('retries a failed run after the pause, up to the limit, and shows the failure to admins', async () => {
    let attempts = 0;
    const job: JobDefinition = {
      name: 'flaky',
      everyMs: 60_000,
      retryAfterMs: 10_000,
      maxAttempts: 3,
      run: async () => {
        attempts++;
        throw new Error(`upstream unavailable (attempt ${attempts})`);
      },
    };
    let clock = T0;
    const s = new Scheduler(t.deps.db, [job], { instance: 'x', now: () => clock });
    const at = async (ms: number) => {
      clock = T0 + ms;
      await s.tick();
      await s.idle();
    };
    await at(0);
    await at(5_000); // too soon after the failure: no retry yet
    expect(attempts).toBe(1);
    await at(10_001);
    expect(attempts).toBe(2);
    await at(15_000);
    expect(attempts).toBe(2);
    await at(20_002);
    await at(40_000); // the limit is reached: no fourth attempt
    expect(attempts).toBe(3);
    const run = await t.deps.db.db.selectFrom('jobRuns').selectAll().where('job', '=', 'flaky').executeTakeFirstOrThrow();
    expect(run.status).toBe('failed');
    expect(Number(run.attempts)).toBe(3);

    await t.factory.account({ login: 'jobs-admin', grants: [{ role: 'admin', regionId: null }] });
    const admin = await t.signIn('jobs-admin');
    const res = await admin.get('/api/v1/jobs?status=failed');
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({
      job: 'flaky',
      status: 'failed',
      attempts: 3,
      error: 'upstream unavailable (attempt 3)',
    });
  });

  it('takes over a run whose instance died while running', async () => {
    let ran = 0;
    const job: JobDefinition = { name: 'orphan', everyMs: 60_000, staleAfterMs: 30_000, run: async () => void ran++ };
    // Instance "dead" claimed the slot and never finished.
    await t.deps.db.db
      .insertInto('jobRuns')
      .values({
        job: 'orphan',
        slot: new Date(T0).toISOString(),
        status: 'running',
        attempts: 1,
        instance: 'dead',
        startedAt: new Date(T0).toISOString(),
        finishedAt: null,
        error: null,
      })
      .execute();
    let clock = T0 + 10_000;
    const s = new Scheduler(t.deps.db, [job], { instance: 'alive', now: () => clock });
    await s.tick(); // not stale yet
    await s.idle();
    expect(ran).toBe(0);
    clock = T0 + 40_000;
    await s.tick();
    await s.idle();
    expect(ran).toBe(1);
    const row = await t.deps.db.db.selectFrom('jobRuns').selectAll().where('job', '=', 'orphan').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'ok', instance: 'alive' });
  });
});
