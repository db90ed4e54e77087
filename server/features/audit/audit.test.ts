import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { API, expectError } from '../../../test/requests.ts';

let t: TestApp;
let admin: Client;
let cityId: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.factory.account({ login: 'root', grants: [{ role: 'admin', regionId: null }] });
  admin = await t.signIn('root');
  cityId = (await admin.post(`${API}/regions`, { parentId: null, name: '审计市', code: '411700' })).json().id;
  for (let i = 0; i < 7; i++) {
    const res = await admin.post(`${API}/units`, { name: `单位${i}`, kind: 'other', regionId: cityId });
    expect(res.statusCode).toBe(201);
  }
  await t.anonymous().post(`${API}/auth/login`, { login: 'root', password: 'wrong-password-1' });
});
afterAll(() => t.close());

interface Entry {
  id: string;
  at: string;
  actorLogin: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  outcome: string;
  detail: Record<string, unknown> | null;
}

async function search(query: string): Promise<{ items: Entry[]; nextCursor: string | null }> {
  const res = await admin.get(`${API}/audit${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('audit log', () => {
  it('filters by action, actor, entity and outcome', async () => {
    const units = await search('?action=unit.create');
    expect(units.items).toHaveLength(7);
    expect(units.items.every((e) => e.action === 'unit.create' && e.actorLogin === 'root' && e.entityType === 'unit')).toBe(true);
    expect(units.items[0]!.detail).toMatchObject({ name: '单位6', kind: 'other' });
    const city = await search(`?entityType=region&entityId=${cityId}`);
    expect(city.items.map((e) => e.action)).toEqual(['region.create']);
    const failed = await search('?outcome=failed');
    expect(failed.items.map((e) => [e.action, e.actorLogin])).toEqual([['auth.login', 'root']]);
    expect((await search('?actor=nobody')).items).toEqual([]);
    expect((await search('?actor=root&action=auth.login&outcome=ok')).items.length).toBeGreaterThanOrEqual(1);
  });

  it('filters by time', async () => {
    const all = (await search('?limit=200')).items;
    const middle = all[Math.floor(all.length / 2)]!;
    const older = (await search(`?limit=200&to=${encodeURIComponent(middle.at)}`)).items;
    const newer = (await search(`?limit=200&from=${encodeURIComponent(middle.at)}`)).items;
    expect(older.every((e) => e.at < middle.at)).toBe(true);
    expect(newer.every((e) => e.at >= middle.at)).toBe(true);
    expect(older.length + newer.length).toBe(all.length);
    expect((await search('?from=2999-01-01T00:00:00Z')).items).toEqual([]);
  });

  it('takes a leap second as a bound (valid RFC 3339, which Date cannot parse)', async () => {
    expect((await search('?to=2016-12-31T23:59:60Z')).items).toEqual([]);
    expect((await search('?from=2016-12-31T23:59:60.5%2B00:00&limit=200')).items.length).toBe(
      (await search('?limit=200')).items.length,
    );
  });

  it('pages newest first with a cursor, without gaps or repeats', async () => {
    const all = (await search('?limit=200')).items;
    expect(all.length).toBeGreaterThan(8);
    const ids = all.map((e) => e.id);
    expect([...ids].sort().reverse()).toEqual(ids);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: Entry[]; nextCursor: string | null } = await search(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(seen).toEqual(ids);
    expect(pages).toBe(Math.ceil(ids.length / 3));
  });

  it('rejects bad filters', async () => {
    expectError(await admin.get(`${API}/audit?outcome=maybe`), 400, 'VALIDATION');
    expectError(await admin.get(`${API}/audit?cursor=not-an-id`), 400, 'VALIDATION');
    expectError(await admin.get(`${API}/audit?from=yesterday`), 400, 'VALIDATION');
    expectError(await admin.get(`${API}/audit?limit=201`), 400, 'VALIDATION');
    expectError(await admin.get(`${API}/audit?action=x%27%20OR%201%3D1`), 400, 'VALIDATION');
  });

  it('is readable only with audit.read', async () => {
    await t.factory.account({ login: 'mgr', grants: [{ role: 'region_manager', regionId: cityId }] });
    expectError(await (await t.signIn('mgr')).get(`${API}/audit`), 403, 'FORBIDDEN');
    expectError(await t.anonymous().get(`${API}/audit`), 401, 'UNAUTHENTICATED');
  });

  it('has no route that writes to it', async () => {
    const auditRoutes = t.app.routeTable.filter((r) => r.url.startsWith(`${API}/audit`));
    expect(auditRoutes.map((r) => r.method).sort()).toEqual(['GET', 'HEAD']);
    const before = (await search('?limit=200')).items.length;
    const id = (await search('?limit=1')).items[0]!.id;
    for (const [method, url] of [
      ['POST', `${API}/audit`],
      ['PUT', `${API}/audit/${id}`],
      ['PATCH', `${API}/audit/${id}`],
      ['DELETE', `${API}/audit/${id}`],
      ['DELETE', `${API}/audit`],
    ] as const) {
      expectError(await admin.request(method, url, method === 'DELETE' ? undefined : { action: 'x' }), 404, 'ROUTE_NOT_FOUND');
    }
    expect((await search('?limit=200')).items.length).toBe(before);
  });
});
