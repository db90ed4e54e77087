import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { API, auditRows, expectError, snapshot } from '../../../test/requests.ts';

let t: TestApp;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  await t.factory.account({ login: 'root', grants: [{ role: 'admin', regionId: null }] });
  admin = await t.signIn('root');
});
afterAll(() => t.close());

interface Node {
  id: string;
  code: string | null;
  name: string;
  level: string;
  children: Node[];
}

async function createRegion(c: Client, body: Record<string, unknown>) {
  const res = await c.post(`${API}/regions`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; level: string; code: string | null; parentId: string | null };
}

const find = (nodes: Node[], id: string): Node | undefined => {
  for (const n of nodes) {
    if (n.id === id) return n;
    const inner = find(n.children, id);
    if (inner) return inner;
  }
  return undefined;
};
const pathOf = async (id: string) =>
  (await t.deps.db.db.selectFrom('regions').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;

describe('regions', () => {
  it('creates a city and shows it in the tree', async () => {
    const res = await admin.post(`${API}/regions`, { parentId: null, name: '驻马店市', code: '411700' });
    expect(res.statusCode).toBe(201);
    const tree = await admin.get(`${API}/regions/tree`);
    expect(tree.json().items.map((n: { code: string }) => n.code)).toContain('411700');
    const audit = await auditRows(t.deps, { action: 'region.create', entityId: res.json().id });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.regionPath).toBe(`/${res.json().id}/`);
  });

  it('builds the level chain city → county → township → community → grid and stops there', async () => {
    const city = await createRegion(admin, { parentId: null, name: '链市', code: '411800' });
    const county = await createRegion(admin, { parentId: city.id, name: '链县', code: '411801' });
    const town = await createRegion(admin, { parentId: county.id, name: '链镇', code: '411801100' });
    const community = await createRegion(admin, { parentId: town.id, name: '链社区' });
    const grid = await createRegion(admin, { parentId: community.id, name: '一网格', code: 'G-01' });
    expect([city, county, town, community, grid].map((r) => r.level)).toEqual([
      'city',
      'county',
      'township',
      'community',
      'grid',
    ]);
    expect(community.code).toBeNull();
    expectError(await admin.post(`${API}/regions`, { parentId: grid.id, name: '太深' }), 422, 'REGION_LEVEL');
    const detail = (await admin.get(`${API}/regions/${grid.id}`)).json();
    expect(detail.ancestors.map((a: { name: string }) => a.name)).toEqual(['链市', '链县', '链镇', '链社区']);
    expect(detail.usage).toEqual({ children: 0, units: 0, grants: 0, records: 0 });
    expect((await admin.get(`${API}/regions/${town.id}`)).json().usage.children).toBe(1);
  });

  it('checks the code format per level', async () => {
    const city = await createRegion(admin, { parentId: null, name: '码市', code: '412000' });
    const bad = async (parentId: string | null, code: string | null | undefined, status = 422) => {
      const body: Record<string, unknown> = { parentId, name: '坏码' };
      if (code !== undefined) body.code = code;
      const e = expectError(await admin.post(`${API}/regions`, body), status, 'VALIDATION');
      expect(Object.keys(e.fields ?? {})).toEqual(['code']);
    };
    await bad(null, '4120'); // a city code has 6 digits
    await bad(null, null); // and is required
    await bad(null, undefined);
    await bad(city.id, '41200A');
    await bad(city.id, '4120011');
    const county = await createRegion(admin, { parentId: city.id, name: '码县', code: '412001' });
    await bad(county.id, '41200110'); // a township code has 9 digits
    await bad(county.id, '41 2001 100', 400); // no spaces in any code
    await bad(county.id, '-412001100', 400);
    await bad(county.id, 'x'.repeat(33), 400);
    const town = await createRegion(admin, { parentId: county.id, name: '码镇', code: '412001100' });
    expect((await createRegion(admin, { parentId: town.id, name: '自编码社区', code: 'sq-7' })).code).toBe('sq-7');
    const e = expectError(await admin.post(`${API}/regions`, { parentId: null, name: '坏码', code: '4120' }), 422);
    expect(e.fields!.code).toContain('6');
  });

  it('refuses a duplicate code, on create and on update', async () => {
    const city = await createRegion(admin, { parentId: null, name: '重码市', code: '413000' });
    await createRegion(admin, { parentId: city.id, name: '重码县甲', code: '413001' });
    const other = await createRegion(admin, { parentId: city.id, name: '重码县乙', code: '413002' });
    const before = await snapshot(t.deps);
    const e = expectError(
      await admin.post(`${API}/regions`, { parentId: city.id, name: '重码县丙', code: '413001' }),
      409,
      'REGION_CODE_TAKEN',
    );
    expect(e.message).toContain('413001');
    expectError(await admin.patch(`${API}/regions/${other.id}`, { code: '413001' }), 409, 'REGION_CODE_TAKEN');
    expect(await snapshot(t.deps)).toEqual(before);
    // Keeping its own code is not a conflict.
    expect((await admin.patch(`${API}/regions/${other.id}`, { code: '413002', name: '重码县乙改' })).json().name).toBe(
      '重码县乙改',
    );
    expectError(await admin.patch(`${API}/regions/${other.id}`, { code: null }), 422, 'VALIDATION');
    expectError(await admin.patch(`${API}/regions/${other.id}`, { code: '41300' }), 422, 'VALIDATION');
  });

  it('moves a region with its whole subtree, and keeps levels', async () => {
    const city = await createRegion(admin, { parentId: null, name: '迁市', code: '414000' });
    const county = await createRegion(admin, { parentId: city.id, name: '迁县', code: '414001' });
    const from = await createRegion(admin, { parentId: county.id, name: '原镇', code: '414001100' });
    const to = await createRegion(admin, { parentId: county.id, name: '新镇', code: '414001200' });
    const community = await createRegion(admin, { parentId: from.id, name: '迁社区' });
    const grid = await createRegion(admin, { parentId: community.id, name: '迁网格' });
    await t.factory.account({ login: 'to-manager', grants: [{ role: 'region_manager', regionId: to.id }] });
    const toManager = await t.signIn('to-manager');
    expectError(await toManager.get(`${API}/regions/${grid.id}`), 404, 'NOT_FOUND');

    const res = await admin.post(`${API}/regions/${community.id}/move`, { parentId: to.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().parentId).toBe(to.id);
    expect(await pathOf(community.id)).toBe(`${await pathOf(to.id)}${community.id}/`);
    expect(await pathOf(grid.id)).toBe(`${await pathOf(to.id)}${community.id}/${grid.id}/`);
    const tree = (await admin.get(`${API}/regions/tree`)).json().items as Node[];
    expect(find(tree, to.id)!.children.map((n) => n.id)).toEqual([community.id]);
    expect(find(tree, community.id)!.children.map((n) => n.id)).toEqual([grid.id]);
    expect(find(tree, from.id)!.children).toEqual([]);
    // Access follows the new place at once.
    expect((await toManager.get(`${API}/regions/${grid.id}`)).statusCode).toBe(200);
    expect(await auditRows(t.deps, { action: 'region.move', entityId: community.id })).toHaveLength(1);

    expectError(await admin.post(`${API}/regions/${community.id}/move`, { parentId: county.id }), 422, 'REGION_LEVEL');
    expectError(await admin.post(`${API}/regions/${to.id}/move`, { parentId: community.id }), 422, 'REGION_MOVE_CYCLE');
    expectError(await admin.post(`${API}/regions/${county.id}/move`, { parentId: grid.id }), 422, 'REGION_MOVE_CYCLE');
    expectError(await admin.post(`${API}/regions/${community.id}/move`, { parentId: community.id }), 422, 'REGION_MOVE_CYCLE');
    expectError(await admin.post(`${API}/regions/${community.id}/move`, { parentId: crypto.randomUUID() }), 404, 'NOT_FOUND');
  });

  it('moves a county to another city', async () => {
    const c1 = await createRegion(admin, { parentId: null, name: '甲市', code: '415000' });
    const c2 = await createRegion(admin, { parentId: null, name: '乙市', code: '416000' });
    const county = await createRegion(admin, { parentId: c1.id, name: '游县', code: '415001' });
    const town = await createRegion(admin, { parentId: county.id, name: '游镇', code: '415001100' });
    expect((await admin.post(`${API}/regions/${county.id}/move`, { parentId: c2.id })).statusCode).toBe(200);
    expect(await pathOf(town.id)).toBe(`/${c2.id}/${county.id}/${town.id}/`);
    expect((await admin.get(`${API}/regions/${town.id}`)).json().ancestors.map((a: { id: string }) => a.id)).toEqual([
      c2.id,
      county.id,
    ]);
  });

  it('refuses to delete a region in use and says what uses it', async () => {
    const city = await createRegion(admin, { parentId: null, name: '删市', code: '417000' });
    const county = await createRegion(admin, { parentId: city.id, name: '删县', code: '417001' });
    await t.factory.unit({ regionId: county.id });
    await t.factory.account({ grants: [{ role: 'volunteer', regionId: county.id }] });
    await createRegion(admin, { parentId: county.id, name: '删镇', code: '417001100' });
    admin.lang = 'en';
    const e = expectError(await admin.delete(`${API}/regions/${county.id}`), 409, 'REGION_IN_USE');
    admin.lang = 'zh-CN';
    expect(e.message).toContain('(1 sub-regions, 1 units, 1 role grants, 0 volunteer, pledge, team or post records)');
    expectError(await admin.delete(`${API}/regions/${city.id}`), 409, 'REGION_IN_USE');

    // A grid that is only somebody's home: refused with the reason, not a foreign-key crash.
    const countyRow = await t.deps.db.db
      .selectFrom('regions')
      .select(['id', 'path'])
      .where('id', '=', county.id)
      .executeTakeFirstOrThrow();
    const community = await t.factory.region({ parent: await t.factory.region({ parent: { ...countyRow, level: 'county' } }) });
    const home = await t.factory.region({ parent: community });
    await t.factory.volunteer({ regionId: home.id });
    const used = expectError(await admin.delete(`${API}/regions/${home.id}`), 409, 'REGION_IN_USE');
    expect(used.message).toContain('志愿者及队伍等记录 1 条');

    const leaf = await createRegion(admin, { parentId: city.id, name: '空县', code: '417002' });
    expect((await admin.delete(`${API}/regions/${leaf.id}`)).json()).toEqual({ ok: true });
    expectError(await admin.get(`${API}/regions/${leaf.id}`), 404, 'NOT_FOUND');
    expectError(await admin.delete(`${API}/regions/${leaf.id}`), 404, 'NOT_FOUND');
    expect(await auditRows(t.deps, { action: 'region.delete', entityId: leaf.id })).toHaveLength(1);
  });

  it('lets a region manager work inside their subtree only', async () => {
    const city = await createRegion(admin, { parentId: null, name: '管市', code: '418000' });
    const county = await createRegion(admin, { parentId: city.id, name: '管县', code: '418001' });
    const other = await createRegion(admin, { parentId: city.id, name: '邻县', code: '418002' });
    await t.factory.account({ login: 'county-mgr', grants: [{ role: 'region_manager', regionId: county.id }] });
    const mgr = await t.signIn('county-mgr');
    expect((await mgr.post(`${API}/regions`, { parentId: county.id, name: '管镇', code: '418001100' })).statusCode).toBe(201);
    expectError(await mgr.post(`${API}/regions`, { parentId: null, name: '新市', code: '419000' }), 403, 'FORBIDDEN');
    expectError(await mgr.post(`${API}/regions`, { parentId: other.id, name: '越界镇', code: '418002100' }), 404, 'NOT_FOUND');
    expectError(await mgr.patch(`${API}/regions/${city.id}`, { name: '改市名' }), 404, 'NOT_FOUND');
    expect((await mgr.patch(`${API}/regions/${county.id}`, { name: '管县改' })).json().name).toBe('管县改');
    const tree = (await mgr.get(`${API}/regions/tree`)).json().items as Node[];
    expect(tree.map((n) => n.id)).toEqual([county.id]);
    expect((await mgr.get(`${API}/regions/${county.id}`)).json().ancestors).toEqual([]);
  });

  it('orders siblings by sort order, then code', async () => {
    const city = await createRegion(admin, { parentId: null, name: '序市', code: '419100' });
    const b = await createRegion(admin, { parentId: city.id, name: '乙', code: '419102', sortOrder: 1 });
    const a = await createRegion(admin, { parentId: city.id, name: '甲', code: '419101', sortOrder: 1 });
    const first = await createRegion(admin, { parentId: city.id, name: '丙', code: '419109', sortOrder: 0 });
    const tree = (await admin.get(`${API}/regions/tree`)).json().items as Node[];
    expect(find(tree, city.id)!.children.map((n) => n.id)).toEqual([first.id, a.id, b.id]);
  });
});
