import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, auditRows, expectError } from '../../../test/requests.ts';

let t: TestApp;
let w: TwoCounties;
let root: Client;
let manager: Client;
beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  await t.factory.account({ login: 'root', grants: [{ role: 'admin', regionId: null }] });
  await t.factory.account({ login: 'manager', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  root = await t.signIn('root');
  manager = await t.signIn('manager');
});
afterAll(() => t.close());

const MOBILE = '13712345678';
const create = (
  c: Client,
  login: string,
  grants: { role: string; regionId: string | null }[],
  extra: Record<string, unknown> = {},
) => c.post(`${API}/accounts`, { login, name: '张三', mobile: MOBILE, grants, ...extra });
const missingId = () => crypto.randomUUID();

describe('creating accounts', () => {
  it('creates an account with scoped grants and a one-time initial password', async () => {
    const res = await create(root, 'vol-a', [{ role: 'volunteer', regionId: w.a.community.id }]);
    expect(res.statusCode, res.body).toBe(201);
    const { account, initialPassword } = res.json();
    expect(account).toMatchObject({ login: 'vol-a', mobile: '137****5678', mustChangePassword: true, status: 'active' });
    expect(account.grants).toEqual([
      expect.objectContaining({ role: 'volunteer', regionId: w.a.community.id, regionLevel: 'community' }),
    ]);
    expect(initialPassword).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{10}$/);
    expect(res.body).not.toContain(MOBILE);
    const c = await t.signIn('vol-a', initialPassword);
    expect((await c.get(`${API}/auth/me`)).json().mustChangePassword).toBe(true);
    const audit = await auditRows(t.deps, { action: 'account.create', entityId: account.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorLogin).toBe('root');
    expect(audit[0]!.detail).not.toContain(MOBILE);
  });

  it('takes a given password, if strong, and then returns none', async () => {
    const res = await create(root, 'vol-pw', [{ role: 'volunteer', regionId: w.a.grid.id }], { password: 'Given-pass-42' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().initialPassword).toBeUndefined();
    await t.signIn('vol-pw', 'Given-pass-42');
    const weak = expectError(
      await create(root, 'vol-weak', [{ role: 'volunteer', regionId: w.a.grid.id }], { password: 'abc' }),
      422,
      'VALIDATION',
    );
    expect(weak.fields).toHaveProperty('password');
  });

  it('refuses a taken login, a region-less role and a regional admin', async () => {
    expectError(await create(root, 'vol-a', [{ role: 'volunteer', regionId: w.a.community.id }]), 409, 'LOGIN_TAKEN');
    expectError(await create(root, 'no-region', [{ role: 'volunteer', regionId: null }]), 422, 'GRANT_REGION_REQUIRED');
    expectError(await create(root, 'local-admin', [{ role: 'admin', regionId: w.a.county.id }]), 422, 'GRANT_ADMIN_GLOBAL');
    expectError(await create(root, 'ghost-region', [{ role: 'volunteer', regionId: missingId() }]), 404, 'NOT_FOUND');
  });

  it('lets a region manager grant lower roles inside their subtree only', async () => {
    const ok = await create(manager, 'mgr-made', [
      { role: 'volunteer', regionId: w.a.township.id },
      { role: 'region_manager', regionId: w.a.community.id },
    ]);
    expect(ok.statusCode, ok.body).toBe(201);
    // Another county looks exactly like a region that does not exist.
    const foreign = await create(manager, 'mgr-foreign', [{ role: 'volunteer', regionId: w.b.township.id }]);
    const missing = await create(manager, 'mgr-missing', [{ role: 'volunteer', regionId: missingId() }]);
    expectError(foreign, 404, 'NOT_FOUND');
    expect(foreign.body).toBe(missing.body);
    expectError(await create(manager, 'mgr-city', [{ role: 'volunteer', regionId: w.city.id }]), 404, 'NOT_FOUND');
    expectError(await create(manager, 'mgr-up', [{ role: 'commander', regionId: w.a.township.id }]), 403, 'FORBIDDEN');
    expectError(await create(manager, 'mgr-admin', [{ role: 'admin', regionId: null }]), 403, 'FORBIDDEN');
    const none = expectError(await create(manager, 'mgr-none', []), 422, 'VALIDATION');
    expect(none.fields).toHaveProperty('grants');
    const made = await t.deps.db.db.selectFrom('accounts').select('login').where('login', 'like', 'mgr-%').execute();
    expect(made.map((r) => r.login)).toEqual(['mgr-made']);
  });

  it('refuses roles without accounts.write', async () => {
    await t.factory.account({ login: 'leader', grants: [{ role: 'team_leader', regionId: w.a.county.id }] });
    const leader = await t.signIn('leader');
    expectError(await create(leader, 'leader-made', [{ role: 'volunteer', regionId: w.a.grid.id }]), 403, 'FORBIDDEN');
    expectError(await leader.get(`${API}/accounts`), 403, 'FORBIDDEN');
  });
});

describe('reading accounts', () => {
  it('masks the mobile in every response', async () => {
    const created = await create(root, 'masked', [{ role: 'volunteer', regionId: w.a.grid.id }]);
    const id = created.json().account.id as string;
    const responses = [
      await root.get(`${API}/accounts`),
      await root.get(`${API}/accounts?q=masked`),
      await root.get(`${API}/accounts/${id}`),
      await root.patch(`${API}/accounts/${id}`, { name: '李四' }),
      await root.post(`${API}/accounts/${id}/grants`, { role: 'inspector', regionId: w.a.grid.id }),
      await root.post(`${API}/accounts/${id}/disable`),
      await root.post(`${API}/accounts/${id}/enable`),
      await manager.get(`${API}/accounts/${id}`),
      await (await t.signIn('masked', created.json().initialPassword)).get(`${API}/auth/me`),
    ];
    for (const res of responses) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).not.toContain(MOBILE);
      expect(res.body).toContain('137****5678');
    }
  });

  it('reveals the mobile to pii.reveal holders in scope, and audits each reveal', async () => {
    const id = (await create(root, 'revealed', [{ role: 'volunteer', regionId: w.a.grid.id }])).json().account.id as string;
    const res = await root.post(`${API}/accounts/${id}/reveal`);
    expect(res.json()).toEqual({ mobile: MOBILE });
    expect((await manager.post(`${API}/accounts/${id}/reveal`)).json()).toEqual({ mobile: MOBILE });
    const audit = await auditRows(t.deps, { action: 'pii.reveal', entityId: id });
    expect(audit.map((a) => a.actorLogin)).toEqual(['root', 'manager']);
    expect(audit.every((a) => !a.detail?.includes(MOBILE))).toBe(true);
    expect(JSON.parse(audit[0]!.detail!)).toEqual({ field: 'mobile' });

    const foreign = (await create(root, 'revealed-b', [{ role: 'volunteer', regionId: w.b.grid.id }])).json().account
      .id as string;
    const r1 = await manager.post(`${API}/accounts/${foreign}/reveal`);
    const r2 = await manager.post(`${API}/accounts/${missingId()}/reveal`);
    expectError(r1, 404, 'NOT_FOUND');
    expect(r1.body).toBe(r2.body);
    await t.factory.account({ login: 'vol-noreveal', grants: [{ role: 'volunteer', regionId: w.a.county.id }] });
    expectError(await (await t.signIn('vol-noreveal')).post(`${API}/accounts/${id}/reveal`), 403, 'FORBIDDEN');
    expect(await auditRows(t.deps, { action: 'pii.reveal', entityId: foreign })).toEqual([]);
  });

  it('lists only accounts with a grant in the caller’s area, with filters', async () => {
    const list = async (c: Client, query = '') => {
      const res = await c.get(`${API}/accounts${query}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: { login: string; status: string; grants: { role: string }[] }[]; total: number };
      expect(body.total).toBeGreaterThanOrEqual(body.items.length);
      return body;
    };
    const mine = (await list(manager)).items.map((a) => a.login);
    expect(mine).toContain('vol-a');
    expect(mine).toContain('manager');
    expect(mine).not.toContain('revealed-b');
    expect(mine).not.toContain('root');
    const all = (await list(root)).items.map((a) => a.login);
    expect(all).toContain('root');
    expect(all).toContain('revealed-b');

    const inB = await list(root, `?regionId=${w.b.county.id}`);
    expect(inB.items.map((a) => a.login)).toEqual(['revealed-b']);
    expect(inB.total).toBe(1);
    expect((await list(root, '?role=admin')).items.every((a) => a.grants.some((g) => g.role === 'admin'))).toBe(true);
    expect((await list(root, '?q=VOL-A')).items.map((a) => a.login)).toEqual(['vol-a']);
    expect((await list(root, `?q=${MOBILE}`)).total).toBeGreaterThan(1);
    const paged = await list(root, '?limit=2&offset=1');
    expect(paged.items).toHaveLength(2);
    expect(paged.total).toBe((await list(root)).total);
    const r1 = await manager.get(`${API}/accounts?regionId=${w.b.county.id}`);
    const r2 = await manager.get(`${API}/accounts?regionId=${missingId()}`);
    expectError(r1, 404, 'NOT_FOUND');
    expect(r1.body).toBe(r2.body);
  });

  it('hides accounts outside the area behind the same 404 as missing ones', async () => {
    const foreign = (await create(root, 'hidden-b', [{ role: 'volunteer', regionId: w.b.community.id }])).json().account
      .id as string;
    const rootId = (await root.get(`${API}/auth/me`)).json().id as string;
    const missing = await manager.get(`${API}/accounts/${missingId()}`);
    for (const id of [foreign, rootId]) {
      const res = await manager.get(`${API}/accounts/${id}`);
      expectError(res, 404, 'NOT_FOUND');
      expect(res.body).toBe(missing.body);
      expect((await manager.patch(`${API}/accounts/${id}`, { name: '改名' })).body).toBe(missing.body);
      expect((await manager.post(`${API}/accounts/${id}/disable`)).body).toBe(missing.body);
    }
  });

  it('does not let a manager manage an account holding a grant they could not give', async () => {
    const both = (
      await create(root, 'two-counties', [
        { role: 'volunteer', regionId: w.a.grid.id },
        { role: 'volunteer', regionId: w.b.grid.id },
      ])
    ).json().account.id as string;
    expect((await manager.get(`${API}/accounts/${both}`)).statusCode).toBe(200);
    expectError(await manager.post(`${API}/accounts/${both}/disable`), 403, 'FORBIDDEN');
    expectError(await manager.post(`${API}/accounts/${both}/reset-password`), 403, 'FORBIDDEN');
  });
});

describe('managing accounts', () => {
  it('adds and removes grants, idempotently, within the rules', async () => {
    const account = (await create(manager, 'granted', [{ role: 'volunteer', regionId: w.a.grid.id }])).json().account;
    const added = await manager.post(`${API}/accounts/${account.id}/grants`, { role: 'inspector', regionId: w.a.township.id });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().grants.map((g: { role: string }) => g.role)).toEqual(['volunteer', 'inspector']);
    const again = await manager.post(`${API}/accounts/${account.id}/grants`, { role: 'inspector', regionId: w.a.township.id });
    expect(again.json().grants).toHaveLength(2);
    expectError(
      await manager.post(`${API}/accounts/${account.id}/grants`, { role: 'volunteer', regionId: w.b.grid.id }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await manager.post(`${API}/accounts/${account.id}/grants`, { role: 'commander', regionId: w.a.grid.id }),
      403,
      'FORBIDDEN',
    );
    const inspector = added.json().grants[1].id as string;
    const removed = await manager.delete(`${API}/accounts/${account.id}/grants/${inspector}`);
    expect(removed.json().grants.map((g: { role: string }) => g.role)).toEqual(['volunteer']);
    expectError(await manager.delete(`${API}/accounts/${account.id}/grants/${inspector}`), 404, 'NOT_FOUND');
    expect((await auditRows(t.deps, { action: 'account.grant', entityId: account.id })).length).toBe(1);
    expect((await auditRows(t.deps, { action: 'account.revoke', entityId: account.id })).length).toBe(1);
  });

  it('resets a password: the one-time password works, must be changed, and old sessions end', async () => {
    const id = (
      await create(root, 'forgetful', [{ role: 'volunteer', regionId: w.a.grid.id }], { password: 'Old-password-1' })
    ).json().account.id;
    const old = await t.signIn('forgetful', 'Old-password-1');
    const res = await manager.post(`${API}/accounts/${id}/reset-password`);
    expect(res.statusCode, res.body).toBe(200);
    const { initialPassword } = res.json();
    expect(initialPassword).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{10}$/);
    expectError(await old.get(`${API}/auth/me`), 401, 'UNAUTHENTICATED');
    expectError(
      await t.anonymous().post(`${API}/auth/login`, { login: 'forgetful', password: 'Old-password-1' }),
      401,
      'LOGIN_FAILED',
    );
    const fresh = await t.signIn('forgetful', initialPassword);
    expect((await fresh.get(`${API}/auth/me`)).json().mustChangePassword).toBe(true);
    expect(
      (await fresh.post(`${API}/auth/password`, { currentPassword: initialPassword, newPassword: 'My-own-pass-22' })).statusCode,
    ).toBe(200);
    expect((await fresh.get(`${API}/auth/me`)).json().mustChangePassword).toBe(false);
    const audit = await auditRows(t.deps, { action: 'account.resetPassword', entityId: id });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail ?? '').not.toContain(initialPassword);
  });

  it('disabling ends the sessions at once and blocks sign-in; enabling lets them back', async () => {
    const id = (
      await create(manager, 'leaving', [{ role: 'volunteer', regionId: w.a.grid.id }], { password: 'Leaving-pass-1' })
    ).json().account.id;
    const session = await t.signIn('leaving', 'Leaving-pass-1');
    const res = await manager.post(`${API}/accounts/${id}/disable`);
    expect(res.json().status).toBe('disabled');
    expectError(await session.get(`${API}/auth/me`), 401, 'UNAUTHENTICATED');
    expect(await t.deps.db.db.selectFrom('sessions').select('id').where('accountId', '=', id).execute()).toEqual([]);
    expectError(
      await t.anonymous().post(`${API}/auth/login`, { login: 'leaving', password: 'Leaving-pass-1' }),
      403,
      'ACCOUNT_DISABLED',
    );
    expect((await manager.post(`${API}/accounts/${id}/enable`)).json().status).toBe('active');
    await t.signIn('leaving', 'Leaving-pass-1');
    expect((await auditRows(t.deps, { action: 'account.disable', entityId: id })).length).toBe(1);
  });

  it('updates name and mobile, and lets the caller edit their own profile', async () => {
    const id = (await create(root, 'renamed', [{ role: 'volunteer', regionId: w.a.grid.id }])).json().account.id;
    const res = await root.patch(`${API}/accounts/${id}`, { name: ' 王五 ', mobile: '15900002222' });
    expect(res.json()).toMatchObject({ name: '王五', mobile: '159****2222' });
    expectError(await root.patch(`${API}/accounts/${id}`, {}), 400, 'VALIDATION');
    expectError(await root.patch(`${API}/accounts/${id}`, { mobile: '12345' }), 400, 'VALIDATION');
    const managerId = (await manager.get(`${API}/auth/me`)).json().id;
    expect((await manager.patch(`${API}/accounts/${managerId}`, { name: '经理' })).json().name).toBe('经理');
  });
});

describe('the last administrator', () => {
  it('cannot be disabled or lose the role', async () => {
    const rootId = (await root.get(`${API}/auth/me`)).json().id as string;
    const rootGrant = (await root.get(`${API}/accounts/${rootId}`)).json().grants[0].id as string;
    expectError(await root.post(`${API}/accounts/${rootId}/disable`), 409, 'SELF_DISABLE');
    expectError(await root.delete(`${API}/accounts/${rootId}/grants/${rootGrant}`), 409, 'LAST_ADMIN');

    // With a second administrator the first may be disabled; then the remaining one is the last.
    const second = (await create(root, 'root2', [{ role: 'admin', regionId: null }], { password: 'Second-admin-1' })).json()
      .account.id as string;
    const root2 = await t.signIn('root2', 'Second-admin-1');
    expect((await root2.post(`${API}/accounts/${rootId}/disable`)).statusCode).toBe(200);
    const secondGrant = (await root2.get(`${API}/accounts/${second}`)).json().grants[0].id as string;
    expectError(await root2.delete(`${API}/accounts/${second}/grants/${secondGrant}`), 409, 'LAST_ADMIN');
    expectError(await root2.post(`${API}/accounts/${second}/disable`), 409, 'SELF_DISABLE');
    expect((await root2.post(`${API}/accounts/${rootId}/enable`)).statusCode).toBe(200);
  });
});
