import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, expectError } from '../../../test/requests.ts';

/**
 * DESIGN.md §5: a community-scoped account sees its community subtree only, and a foreign id
 * answers exactly as a missing one does: same status, same body.
 */
let t: TestApp;
let w: TwoCounties;
let local: Client;
let foreign: { unit: string; account: string; sameCountyUnit: string };
beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  await t.factory.account({ login: 'community-mgr', grants: [{ role: 'region_manager', regionId: w.a.community.id }] });
  local = await t.signIn('community-mgr');
  foreign = {
    unit: (await t.factory.unit({ regionId: w.b.community.id })).id,
    sameCountyUnit: (await t.factory.unit({ regionId: w.a.township.id })).id,
    account: (await t.factory.account({ grants: [{ role: 'volunteer', regionId: w.b.grid.id }] })).id,
  };
});
afterAll(() => t.close());

interface Node {
  id: string;
  children: Node[];
}
const flatten = (nodes: Node[]): string[] => nodes.flatMap((n) => [n.id, ...flatten(n.children)]);

describe('community scope', () => {
  it('sees only its community subtree in the tree', async () => {
    const res = await local.get(`${API}/regions/tree`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Node[];
    expect(items.map((n) => n.id)).toEqual([w.a.community.id]);
    expect(flatten(items).sort()).toEqual([w.a.community.id, w.a.grid.id].sort());
  });

  it('sees its own units and accounts only', async () => {
    const units = (await local.get(`${API}/units`)).json();
    expect(units).toEqual({ items: [], total: 0 });
    const accounts = (await local.get(`${API}/accounts`)).json().items.map((a: { login: string }) => a.login);
    expect(accounts).toEqual(['community-mgr']);
  });

  it('gets the same 404 body for every foreign id as for a random one', async () => {
    const random = crypto.randomUUID();
    const cases: [string, (id: string) => Promise<Awaited<ReturnType<Client['get']>>>][] = [
      ['region', (id) => local.get(`${API}/regions/${id}`)],
      ['region write', (id) => local.patch(`${API}/regions/${id}`, { name: '改名' })],
      ['region delete', (id) => local.delete(`${API}/regions/${id}`)],
      ['region as parent', (id) => local.post(`${API}/regions`, { parentId: id, name: '新区划' })],
      ['region as move target', (id) => local.post(`${API}/regions/${w.a.grid.id}/move`, { parentId: id })],
      ['region filter of units', (id) => local.get(`${API}/units?regionId=${id}`)],
      ['region filter of accounts', (id) => local.get(`${API}/accounts?regionId=${id}`)],
      ['region of a new unit', (id) => local.post(`${API}/units`, { name: '新单位', kind: 'other', regionId: id })],
      [
        'region of a grant',
        (id) =>
          local.post(`${API}/accounts`, {
            login: `x${id.slice(0, 8)}`,
            name: '某',
            mobile: '13700000000',
            grants: [{ role: 'volunteer', regionId: id }],
          }),
      ],
    ];
    const regionIds = [w.b.community.id, w.b.county.id, w.city.id, w.a.county.id, w.a.township.id];
    for (const [what, call] of cases) {
      const missing = await call(random);
      expectError(missing, 404, 'NOT_FOUND');
      for (const id of regionIds) {
        const res = await call(id);
        expect(res.statusCode, `${what} ${id}`).toBe(404);
        expect(res.body, `${what} ${id}`).toBe(missing.body);
      }
    }

    const unitCases = [
      (id: string) => local.get(`${API}/units/${id}`),
      (id: string) => local.patch(`${API}/units/${id}`, { name: '改' }),
      (id: string) => local.delete(`${API}/units/${id}`),
    ];
    for (const call of unitCases) {
      const missing = await call(random);
      for (const id of [foreign.unit, foreign.sameCountyUnit]) expect((await call(id)).body).toBe(missing.body);
    }

    const accountCases = [
      (id: string) => local.get(`${API}/accounts/${id}`),
      (id: string) => local.patch(`${API}/accounts/${id}`, { name: '改' }),
      (id: string) => local.post(`${API}/accounts/${id}/disable`),
      (id: string) => local.post(`${API}/accounts/${id}/reset-password`),
      (id: string) => local.post(`${API}/accounts/${id}/reveal`),
      (id: string) => local.post(`${API}/accounts/${id}/grants`, { role: 'volunteer', regionId: w.a.grid.id }),
    ];
    for (const call of accountCases) {
      const missing = await call(random);
      const res = await call(foreign.account);
      expect(res.statusCode).toBe(404);
      expect(res.body).toBe(missing.body);
    }
  });

  it('gives the same 404 in English too', async () => {
    local.lang = 'en';
    const a = await local.get(`${API}/regions/${w.b.county.id}`);
    const b = await local.get(`${API}/regions/${crypto.randomUUID()}`);
    local.lang = 'zh-CN';
    expect(a.body).toBe(b.body);
    expect(a.json().error.message).toBe('Not found');
  });
});
