import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { API, auditRows, expectError, snapshot } from '../../../test/requests.ts';
import { authService } from './auth.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const body = (code: string, login = 'first-admin') => ({
  code,
  login,
  name: '管理员',
  mobile: '13900001111',
  password: 'Setup-pass-123',
});

describe('first-run setup', () => {
  it('is open while there is no administrator, and refuses without a prepared code', async () => {
    expect((await t.anonymous().get(`${API}/setup`)).json()).toEqual({ needed: true });
    expectError(await t.anonymous().post(`${API}/setup`, body('AAAA-BBBB-CCCC')), 403, 'SETUP_CODE_WRONG');
  });

  it('refuses a wrong code and creates nothing', async () => {
    const code = await authService(t.deps).prepareSetup();
    expect(code).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    const before = await snapshot(t.deps);
    const wrong = code!.slice(0, -1) + (code!.endsWith('0') ? '1' : '0');
    expectError(await t.anonymous().post(`${API}/setup`, body(wrong)), 403, 'SETUP_CODE_WRONG');
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('refuses a weak password', async () => {
    const code = await authService(t.deps).prepareSetup();
    const e = expectError(await t.anonymous().post(`${API}/setup`, { ...body(code!), password: 'weak' }), 422, 'VALIDATION');
    expect(e.fields).toHaveProperty('password');
  });

  it('creates the administrator with the right code and signs them in', async () => {
    const code = await authService(t.deps).prepareSetup();
    const client = t.anonymous();
    // The code is accepted without dashes and in lower case, as people type it.
    const res = await client.post(`${API}/setup`, body(code!.replace(/-/g, '').toLowerCase()));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      login: 'first-admin',
      mobile: '139****1111',
      grants: [{ role: 'admin', regionId: null }],
    });
    expect(res.json().permissions).toContain('audit.read');
    const me = await client.get(`${API}/auth/me`);
    expect(me.statusCode).toBe(200);
    expect((await t.anonymous().get(`${API}/setup`)).json()).toEqual({ needed: false });
    expect(await auditRows(t.deps, { action: 'setup.complete' })).toHaveLength(1);
    expect((await t.anonymous().post(`${API}/auth/login`, { login: 'first-admin', password: 'Setup-pass-123' })).statusCode).toBe(
      200,
    );
  });

  it('cannot run a second time, not even with a fresh code', async () => {
    expect(await authService(t.deps).prepareSetup()).toBeNull();
    expectError(await t.anonymous().post(`${API}/setup`, body('AAAA-BBBB-CCCC', 'second-admin')), 409, 'SETUP_DONE');
    const admins = await t.deps.db.db.selectFrom('roleGrants').select('id').where('role', '=', 'admin').execute();
    expect(admins).toHaveLength(1);
  });
});
