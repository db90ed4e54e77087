import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { API, expectError } from '../../../test/requests.ts';

/** Every refusal, from the router, the body parser, the schema or a service, has one shape. */
let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  await t.factory.account({ login: 'root', grants: [{ role: 'admin', regionId: null }] });
  admin = await t.signIn('root');
});
afterAll(() => t.close());

describe('error bodies', () => {
  it('a malformed or over-long URL gets our error body', async () => {
    expectError(await admin.get(`${API}/regions/%E0%A4%A`), 400, 'BAD_REQUEST');
    expectError(await admin.get(`${API}/units/%zz`), 400, 'BAD_REQUEST');
    expectError(await admin.get(`${API}/regions/${'x'.repeat(200)}`), 414, 'BAD_REQUEST');
    admin.lang = 'en';
    const en = expectError(await admin.get(`${API}/accounts/${'字'.repeat(150)}`), 414);
    admin.lang = 'zh-CN';
    expect(en.message).toBe('Bad request');
  });

  it('unknown routes, bad JSON, wrong media types and huge bodies get our error body', async () => {
    expectError(await admin.get(`${API}/no-such-thing`), 404, 'ROUTE_NOT_FOUND');
    expectError(await admin.post(`${API}/units`, '{"name":', { 'content-type': 'application/json' }), 400, 'INVALID_JSON');
    // Deep enough to overflow JSON.stringify (the idempotency hash) on a route without a body schema.
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const headers = { 'content-type': 'application/json', 'idempotency-key': 'deep-1' };
    expectError(await admin.post(`${API}/errands/households/${crypto.randomUUID()}/link`, deep, headers), 400, 'JSON_TOO_DEEP');
    // Brackets inside strings are not nesting.
    expectError(
      await admin.post(`${API}/units`, JSON.stringify({ name: '['.repeat(500) }), { 'content-type': 'application/json' }),
      400,
      'VALIDATION',
    );
    expectError(
      await admin.post(`${API}/units`, 'name=x', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectError(
      await admin.post(`${API}/units`, JSON.stringify({ name: 'x'.repeat(1_100_000) }), { 'content-type': 'application/json' }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    expectError(
      await admin.post(`${API}/units`, '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]', {
        'content-type': 'application/json',
      }),
      400,
      'VALIDATION',
    );
  });

  it('a non-uuid id is a validation error naming the parameter', async () => {
    const e = expectError(await admin.get(`${API}/regions/not-a-uuid`), 400, 'VALIDATION');
    expect(e.fields).toHaveProperty(['params.id']);
  });
});

describe('text PostgreSQL cannot store', () => {
  it('refuses U+0000 anywhere in a body, query or path with a field message, on both databases', async () => {
    const login = expectError(
      await t.anonymous().post(`${API}/auth/login`, { login: 'ro\u0000ot', password: 'x' }),
      400,
      'VALIDATION',
    );
    expect(login.fields).toEqual({ login: '含有不允许的控制字符' });
    const nested = expectError(
      await admin.post(`${API}/accounts`, {
        login: 'abc',
        name: '某',
        mobile: '13700000000',
        grants: [{ role: 'volunteer\u0000', regionId: null }],
      }),
      400,
      'VALIDATION',
    );
    expect(nested.fields).toHaveProperty(['grants.0.role']);
    for (const url of [`${API}/accounts?q=a%00b`, `${API}/units?q=%00`, `${API}/audit?actor=%00`, `${API}/audit?entityId=x%00`]) {
      const e = expectError(await admin.get(url), 400, 'VALIDATION');
      expect(Object.values(e.fields ?? {}), url).toContain('含有不允许的控制字符');
    }
    expectError(await admin.get(`${API}/regions/%00`), 400, 'VALIDATION');
  });
});
