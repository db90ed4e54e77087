import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/app.ts';
import { API, auditRows, expectError, sessionRow, snapshot } from '../../../test/requests.ts';
import { tokenHash } from '../../platform/auth/tokens.ts';

let t: TestApp;
let community: { id: string };
beforeAll(async () => {
  t = await createTestApp();
  const chain = await t.factory.chain();
  community = chain.community;
  await t.factory.account({ login: 'root', grants: [{ role: 'admin', regionId: null }] });
  await t.factory.account({
    login: 'alice',
    mobile: '13812341234',
    grants: [{ role: 'region_manager', regionId: community.id }],
  });
});
afterAll(() => t.close());

const login = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.anonymous().post(`${API}/auth/login`, body, headers);

describe('sign-in', () => {
  it('signs in, sets an httpOnly SameSite session cookie and stores only the token hash', async () => {
    const res = await login({ login: 'alice', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me).toMatchObject({ login: 'alice', mobile: '138****1234', mustChangePassword: false, csrfToken: expect.any(String) });
    expect(me.permissions).toContain('regions.write');
    expect(me.permissions).not.toContain('audit.read');
    const cookie = res.cookies.find((c) => c.name === 'redvest_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    expect(cookie.maxAge).toBe(t.deps.config.sessionAbsoluteSeconds);
    expect(cookie.value.length).toBeGreaterThanOrEqual(43);
    expect(await sessionRow(t.deps, cookie.value)).toBeDefined();
    const stored = await t.deps.db.db.selectFrom('sessions').select('id').execute();
    expect(stored.map((s) => s.id)).not.toContain(cookie.value);
  });

  it('signs in by mobile number too', async () => {
    expect((await login({ login: '13812341234', password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('gives the same 401 for an unknown login and a wrong password', async () => {
    const unknown = await login({ login: 'nobody-here', password: TEST_PASSWORD });
    const wrong = await login({ login: 'alice', password: 'wrong-password-1' });
    expectError(unknown, 401, 'LOGIN_FAILED');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
    expect(wrong.cookies.find((c) => c.name === 'redvest_session')).toBeUndefined();
  });

  it('makes a new token at each sign-in, and both sessions work', async () => {
    const one = await t.signIn('alice');
    const two = await t.signIn('alice');
    expect(one.sessionToken).toBeDefined();
    expect(one.sessionToken).not.toBe(two.sessionToken);
    const me = await one.get(`${API}/auth/me`);
    expect(me.statusCode).toBe(200);
    // The web app shows times and calendar days in the platform's zone, which it learns here.
    expect(me.json().timeZone).toBe(t.deps.config.timeZone);
    expect((await two.get(`${API}/auth/me`)).statusCode).toBe(200);
    expect(one.csrf).not.toBe(two.csrf);
  });

  it('audits every attempt with its outcome', async () => {
    const alice = (await t.deps.db.db.selectFrom('accounts').select('id').where('login', '=', 'alice').executeTakeFirstOrThrow())
      .id;
    await login({ login: 'ghost-user', password: 'whatever-123' });
    await login({ login: 'alice', password: 'not-her-password-1' });
    await login({ login: 'alice', password: TEST_PASSWORD });
    const ghost = await auditRows(t.deps, { action: 'auth.login', actorLogin: 'ghost-user' });
    expect(ghost.at(-1)).toMatchObject({ outcome: 'failed', entityId: null, actorId: null, ip: '127.0.0.1' });
    const hers = await auditRows(t.deps, { action: 'auth.login', actorLogin: 'alice' });
    expect(hers.slice(-2).map((r) => [r.outcome, r.entityId])).toEqual([
      ['failed', alice],
      ['ok', alice],
    ]);
    expect(hers.at(-1)!.actorId).toBe(alice);
    // The password never reaches the audit log.
    expect(JSON.stringify(hers)).not.toContain('not-her-password-1');
  });

  it('refuses a disabled account even with the right password, and audits it as denied', async () => {
    await t.factory.account({ login: 'gone', status: 'disabled', grants: [{ role: 'volunteer', regionId: community.id }] });
    expectError(await login({ login: 'gone', password: TEST_PASSWORD }), 403, 'ACCOUNT_DISABLED');
    expect((await auditRows(t.deps, { action: 'auth.login', actorLogin: 'gone' })).at(-1)!.outcome).toBe('denied');
  });
});

describe('sessions', () => {
  it('logout ends the session and clears the cookie', async () => {
    const c = await t.signIn('alice');
    const token = c.sessionToken;
    const res = await c.post(`${API}/auth/logout`);
    expect(res.statusCode).toBe(200);
    const cleared = res.cookies.find((k) => k.name === 'redvest_session')!;
    expect(cleared.value).toBe('');
    expect(await sessionRow(t.deps, token)).toBeUndefined();
    // The old token is dead even if a client kept it.
    const replay = await t.app.inject({ method: 'GET', url: `${API}/auth/me`, cookies: { redvest_session: token! } });
    expectError(replay, 401, 'UNAUTHENTICATED');
    expect((await auditRows(t.deps, { action: 'auth.logout', actorLogin: 'alice' })).length).toBeGreaterThan(0);
  });

  it('ends a session left idle too long', async () => {
    const c = await t.signIn('alice');
    const idle = t.deps.config.sessionIdleSeconds * 1000;
    const id = tokenHash(c.sessionToken!);
    const setLastSeen = (msAgo: number) =>
      t.deps.db.db
        .updateTable('sessions')
        .set({ lastSeenAt: new Date(Date.now() - msAgo).toISOString() })
        .where('id', '=', id)
        .execute();

    await setLastSeen(idle - 120_000);
    expect((await c.get(`${API}/auth/me`)).statusCode).toBe(200);
    // A request refreshes last-seen, so activity keeps the session alive.
    const refreshed = await sessionRow(t.deps, c.sessionToken);
    expect(Date.now() - new Date(refreshed!.lastSeenAt).getTime()).toBeLessThan(60_000);

    await setLastSeen(idle + 1000);
    expectError(await c.get(`${API}/auth/me`), 401, 'UNAUTHENTICATED');
    expect(await sessionRow(t.deps, c.sessionToken)).toBeUndefined();
  });

  it('ends a session at its absolute limit however active it is', async () => {
    const c = await t.signIn('alice');
    const id = tokenHash(c.sessionToken!);
    const row = await sessionRow(t.deps, c.sessionToken);
    expect(new Date(row!.expiresAt).getTime() - new Date(row!.createdAt).getTime()).toBe(
      t.deps.config.sessionAbsoluteSeconds * 1000,
    );
    await t.deps.db.db
      .updateTable('sessions')
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', id)
      .execute();
    expectError(await c.get(`${API}/auth/me`), 401, 'UNAUTHENTICATED');
    expect(await sessionRow(t.deps, c.sessionToken)).toBeUndefined();
  });

  it('ignores a forged cookie', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${API}/auth/me`, cookies: { redvest_session: 'x'.repeat(43) } });
    expectError(res, 401, 'UNAUTHENTICATED');
  });

  it('/auth/me gives the same CSRF token as sign-in and the language can be set', async () => {
    const c = await t.signIn('alice');
    const fromLogin = c.csrf;
    const me = await c.get(`${API}/auth/me`);
    expect(me.json().csrfToken).toBe(fromLogin);
    expect((await c.put(`${API}/auth/language`, { language: 'en' })).statusCode).toBe(200);
    expect((await c.get(`${API}/auth/me`)).json().language).toBe('en');
    expectError(await c.put(`${API}/auth/language`, { language: 'fr' }), 400, 'VALIDATION');
  });
});

describe('CSRF and origin', () => {
  const region = (name: string) => ({ parentId: null, name, code: null });

  it('refuses a write with the session cookie but no or a wrong token, and writes nothing', async () => {
    const admin = await t.signIn('root');
    const other = await t.signIn('root');
    const before = await snapshot(t.deps);
    const token = admin.csrf;
    admin.csrf = undefined;
    expectError(await admin.post(`${API}/regions`, region('无令牌')), 403, 'CSRF');
    admin.csrf = token;
    expectError(await admin.post(`${API}/regions`, region('错令牌'), { 'x-csrf-token': 'forged' }), 403, 'CSRF');
    // A token is bound to its session: another session's token does not work.
    expectError(await admin.post(`${API}/regions`, region('他人令牌'), { 'x-csrf-token': other.csrf! }), 403, 'CSRF');
    expectError(await admin.delete(`${API}/regions/${crypto.randomUUID()}`, { 'x-csrf-token': '' }), 403, 'CSRF');
    const after = await snapshot(t.deps);
    expect({ ...after, sessions: before.sessions }).toEqual(before);
    // With its own token the same write goes through (a city needs a code, so 422 not 403).
    expectError(await admin.post(`${API}/regions`, region('有令牌')), 422, 'VALIDATION');
  });

  it('refuses a write from a foreign Origin even with the right token', async () => {
    const admin = await t.signIn('root');
    const headers = { host: 'redvest.example' };
    expectError(await admin.post(`${API}/regions`, region('跨站'), { ...headers, origin: 'https://evil.example' }), 403, 'CSRF');
    expectError(await admin.post(`${API}/regions`, region('跨站'), { ...headers, origin: 'null' }), 403, 'CSRF');
    expectError(
      await login({ login: 'alice', password: TEST_PASSWORD }, { ...headers, origin: 'https://evil.example' }),
      403,
      'CSRF',
    );
    const same = await admin.post(
      `${API}/regions`,
      { parentId: null, name: '同源市', code: '419901' },
      { ...headers, origin: 'https://redvest.example' },
    );
    expect(same.statusCode).toBe(201);
  });

  it('lets reads through without a token', async () => {
    const admin = await t.signIn('root');
    admin.csrf = undefined;
    expect((await admin.get(`${API}/regions/tree`)).statusCode).toBe(200);
  });
});

describe('password change', () => {
  it('checks the current password and the strength of the new one', async () => {
    await t.factory.account({ login: 'pwuser', grants: [{ role: 'volunteer', regionId: community.id }] });
    const c = await t.signIn('pwuser');
    const wrong = expectError(
      await c.post(`${API}/auth/password`, { currentPassword: 'not-it-123', newPassword: 'Brand-new-pass-9' }),
      422,
      'PASSWORD_WRONG',
    );
    expect(wrong.fields).toHaveProperty('currentPassword');
    for (const weak of ['short1', 'onlyletters-here', '1234567890123']) {
      const e = expectError(
        await c.post(`${API}/auth/password`, { currentPassword: TEST_PASSWORD, newPassword: weak }),
        422,
        'VALIDATION',
      );
      expect(e.fields).toHaveProperty('newPassword');
    }
    expect((await t.signIn('pwuser')).sessionToken).toBeDefined(); // still the old password
  });

  it('ends the other sessions, keeps this one, and the new password works', async () => {
    await t.factory.account({ login: 'pwuser2', grants: [{ role: 'volunteer', regionId: community.id }] });
    const here = await t.signIn('pwuser2');
    const elsewhere = await t.signIn('pwuser2');
    const res = await here.post(`${API}/auth/password`, { currentPassword: TEST_PASSWORD, newPassword: 'Brand-new-pass-9' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await here.get(`${API}/auth/me`)).statusCode).toBe(200);
    expectError(await elsewhere.get(`${API}/auth/me`), 401, 'UNAUTHENTICATED');
    expectError(await login({ login: 'pwuser2', password: TEST_PASSWORD }), 401, 'LOGIN_FAILED');
    expect((await login({ login: 'pwuser2', password: 'Brand-new-pass-9' })).statusCode).toBe(200);
    expect(await auditRows(t.deps, { action: 'account.changePassword', actorLogin: 'pwuser2' })).toHaveLength(1);
  });
});

describe('password change throttling', () => {
  it('stops guessing the current password from a stolen session after 10 wrong tries', async () => {
    await t.factory.account({ login: 'pwguess', grants: [{ role: 'volunteer', regionId: community.id }] });
    const c = await t.signIn('pwguess');
    for (let i = 0; i < 10; i++) {
      expectError(
        await c.post(`${API}/auth/password`, { currentPassword: `guess-${i}-abc`, newPassword: 'Brand-new-pass-9' }),
        422,
        'PASSWORD_WRONG',
      );
    }
    // Even the right current password is refused while throttled.
    const blocked = await c.post(`${API}/auth/password`, { currentPassword: TEST_PASSWORD, newPassword: 'Brand-new-pass-9' });
    expectError(blocked, 429, 'RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('language of answers', () => {
  it('answers in English when asked, Chinese by default', async () => {
    const anon = t.anonymous();
    const zh = await anon.get(`${API}/regions/tree`);
    expect(zh.json().error.message).toBe('请先登录');
    anon.lang = 'en';
    expect((await anon.get(`${API}/regions/tree`)).json().error.message).toBe('Please sign in');
    expect((await t.anonymous().get(`${API}/regions/tree?lang=en`)).json().error.message).toBe('Please sign in');
  });
});
