import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/app.ts';
import { API, auditRows, expectError } from '../../../test/requests.ts';
import { LOGIN_WINDOW_SECONDS, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from './auth.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  for (const login of ['target', 'bystander', 'fresh'])
    await t.factory.account({ login, grants: [{ role: 'admin', regionId: null }] });
});
afterAll(() => t.close());

const attempt = (login: string, password: string, ip: string) => t.anonymous(ip).post(`${API}/auth/login`, { login, password });

/** Moves a counter's window back, as if that much time had passed. */
const age = (key: string, seconds: number) =>
  t.deps.db.db
    .updateTable('rateLimits')
    .set({ windowStart: new Date(Date.now() - seconds * 1000).toISOString() })
    .where('key', '=', key)
    .execute();

describe('sign-in throttling', () => {
  it('answers 429 with Retry-After from the 11th failure for one account in 15 minutes', async () => {
    expect(MAX_FAILURES_PER_ACCOUNT).toBe(10);
    expect(LOGIN_WINDOW_SECONDS).toBe(15 * 60);
    // Failures spread over addresses, so only the per-account counter can trip.
    for (let i = 1; i <= 10; i++) expectError(await attempt('target', `guess-${i}-x`, `10.1.0.${i}`), 401, 'LOGIN_FAILED');
    const blocked = await attempt('target', 'guess-11-x', '10.1.0.11');
    expectError(blocked, 429, 'RATE_LIMITED');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(LOGIN_WINDOW_SECONDS - 60);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_WINDOW_SECONDS);
    expect(blocked.json().error.message).toContain('15');
  });

  it('refuses even the right password while throttled, from any address, and audits it as denied', async () => {
    expectError(await attempt('target', TEST_PASSWORD, '10.1.0.99'), 429, 'RATE_LIMITED');
    expectError(await attempt('TARGET', TEST_PASSWORD, '10.1.0.98'), 429, 'RATE_LIMITED');
    const denied = await auditRows(t.deps, { action: 'auth.login', actorLogin: 'target', outcome: 'denied' });
    expect(denied.length).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(denied.at(-1)!.detail!)).toEqual({ reason: 'throttled' });
    // No session was made for the throttled right password.
    const id = (await t.deps.db.db.selectFrom('accounts').select('id').where('login', '=', 'target').executeTakeFirstOrThrow())
      .id;
    expect(await t.deps.db.db.selectFrom('sessions').select('id').where('accountId', '=', id).execute()).toEqual([]);
  });

  it('does not affect another account from another address', async () => {
    expect((await attempt('bystander', TEST_PASSWORD, '10.2.0.1')).statusCode).toBe(200);
  });

  it('lets the account in again once the window has passed', async () => {
    await age('login:account:target', LOGIN_WINDOW_SECONDS + 1);
    expect((await attempt('target', TEST_PASSWORD, '10.1.0.50')).statusCode).toBe(200);
    // Success clears the counter: a full budget of failures again.
    expect(
      await t.deps.db.db.selectFrom('rateLimits').select('count').where('key', '=', 'login:account:target').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('restarts the count when a failure comes after the window', async () => {
    for (let i = 0; i < 9; i++) await attempt('fresh', `nope-${i}-x`, `10.3.0.${i}`);
    await age('login:account:fresh', LOGIN_WINDOW_SECONDS + 1);
    expectError(await attempt('fresh', 'nope-late-x', '10.3.0.100'), 401, 'LOGIN_FAILED');
    const row = await t.deps.db.db
      .selectFrom('rateLimits')
      .select('count')
      .where('key', '=', 'login:account:fresh')
      .executeTakeFirstOrThrow();
    expect(Number(row.count)).toBe(1);
    expect((await attempt('fresh', TEST_PASSWORD, '10.3.0.101')).statusCode).toBe(200);
  });

  it('limits one address across accounts', async () => {
    await t.deps.db.db
      .insertInto('rateLimits')
      .values({ key: 'login:address:10.9.9.9', windowStart: new Date().toISOString(), count: MAX_FAILURES_PER_ADDRESS })
      .execute();
    expectError(await attempt('bystander', TEST_PASSWORD, '10.9.9.9'), 429, 'RATE_LIMITED');
    expect((await attempt('bystander', TEST_PASSWORD, '10.9.9.8')).statusCode).toBe(200);
  });

  it('counts unknown logins against the address too', async () => {
    for (let i = 0; i < 3; i++) await attempt(`nobody-${i}`, 'x-1234567', '10.8.8.8');
    const row = await t.deps.db.db
      .selectFrom('rateLimits')
      .select('count')
      .where('key', '=', 'login:address:10.8.8.8')
      .executeTakeFirstOrThrow();
    expect(Number(row.count)).toBe(3);
  });
});
