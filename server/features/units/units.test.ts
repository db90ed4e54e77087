import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, auditRows, expectError, snapshot } from '../../../test/requests.ts';

let t: TestApp;
let w: TwoCounties;
let admin: Client;
let manager: Client;
beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  await t.factory.account({ login: 'root', grants: [{ role: 'admin', regionId: null }] });
  await t.factory.account({ login: 'manager', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  admin = await t.signIn('root');
  manager = await t.signIn('manager');
});
afterAll(() => t.close());

interface Unit {
  id: string;
  name: string;
  kind: string;
  regionId: string;
  regionName: string;
  contact: string | null;
}

async function createUnit(c: Client, body: Record<string, unknown>): Promise<Unit> {
  const res = await c.post(`${API}/units`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('units', () => {
  it('creates, reads, updates and deletes a unit, auditing each write', async () => {
    const unit = await createUnit(admin, { name: ' 市卫健委 ', kind: 'city_unit', regionId: w.city.id, contact: '办公室' });
    expect(unit).toMatchObject({
      name: '市卫健委',
      kind: 'city_unit',
      regionId: w.city.id,
      regionName: w.city.name,
      contact: '办公室',
    });
    expect((await admin.get(`${API}/units/${unit.id}`)).json()).toEqual(unit);
    const patched = await admin.patch(`${API}/units/${unit.id}`, { kind: 'other', contact: null, regionId: w.a.county.id });
    expect(patched.json()).toMatchObject({ kind: 'other', contact: null, regionId: w.a.county.id, regionName: w.a.county.name });
    expect((await admin.delete(`${API}/units/${unit.id}`)).json()).toEqual({ ok: true });
    expectError(await admin.get(`${API}/units/${unit.id}`), 404, 'NOT_FOUND');
    const actions = (await auditRows(t.deps, { entityId: unit.id })).map((a) => a.action);
    expect(actions).toEqual(['unit.create', 'unit.update', 'unit.delete']);
  });

  it('refuses to delete a unit volunteers still name', async () => {
    const unit = await createUnit(admin, { name: '市教育局', kind: 'city_unit', regionId: w.city.id });
    await t.factory.volunteer({ regionId: w.a.grid.id, unitId: unit.id });
    const e = expectError(await admin.delete(`${API}/units/${unit.id}`), 409, 'UNIT_IN_USE');
    expect(e.message).toContain('1 条志愿者或请战书记录');
    expect((await admin.get(`${API}/units/${unit.id}`)).statusCode).toBe(200);
  });

  it('keeps unit names unique within a region, not across regions', async () => {
    await createUnit(admin, { name: '县疾控', kind: 'county_unit', regionId: w.a.county.id });
    const before = await snapshot(t.deps);
    expectError(
      await admin.post(`${API}/units`, { name: '县疾控', kind: 'other', regionId: w.a.county.id }),
      409,
      'UNIT_NAME_TAKEN',
    );
    expectError(
      await admin.post(`${API}/units`, { name: '  县疾控  ', kind: 'other', regionId: w.a.county.id }),
      409,
      'UNIT_NAME_TAKEN',
    );
    expect(await snapshot(t.deps)).toEqual(before);
    const elsewhere = await createUnit(admin, { name: '县疾控', kind: 'county_unit', regionId: w.b.county.id });
    // Renaming or moving into a clash is refused too.
    const other = await createUnit(admin, { name: '县医院', kind: 'county_unit', regionId: w.a.county.id });
    expectError(await admin.patch(`${API}/units/${other.id}`, { name: '县疾控' }), 409, 'UNIT_NAME_TAKEN');
    expectError(await admin.patch(`${API}/units/${elsewhere.id}`, { regionId: w.a.county.id }), 409, 'UNIT_NAME_TAKEN');
    // Keeping its own name is no clash.
    expect((await admin.patch(`${API}/units/${other.id}`, { name: '县医院', kind: 'other' })).statusCode).toBe(200);
  });

  it('lists units in the caller’s area, with region, kind and text filters', async () => {
    await createUnit(admin, { name: '镇政府', kind: 'township_unit', regionId: w.a.township.id });
    await createUnit(admin, { name: '社区超市', kind: 'enterprise', regionId: w.a.community.id });
    await createUnit(admin, { name: '乙镇政府', kind: 'township_unit', regionId: w.b.township.id });
    const names = async (c: Client, query: string) => {
      const res = await c.get(`${API}/units${query}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: Unit[]; total: number };
      return body.items.map((u) => u.name).sort();
    };
    const mine = await names(manager, '');
    expect(mine).toContain('镇政府');
    expect(mine).not.toContain('乙镇政府');
    expect(await names(admin, `?regionId=${w.a.township.id}`)).toEqual(['社区超市', '镇政府']);
    expect(await names(admin, '?kind=township_unit')).toEqual(['乙镇政府', '镇政府']);
    expect(await names(admin, '?q=超市')).toEqual(['社区超市']);
    expect(await names(admin, '?q=%25')).toEqual([]); // a literal %, not a wildcard
    const page = (await admin.get(`${API}/units?limit=1&offset=1`)).json();
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThan(1);
    expectError(await admin.get(`${API}/units?kind=bakery`), 400, 'VALIDATION');
    expectError(await admin.get(`${API}/units?limit=0`), 400, 'VALIDATION');
  });

  it('keeps a region manager inside their area, foreign looking like missing', async () => {
    const foreign = await createUnit(admin, { name: '乙县单位', kind: 'other', regionId: w.b.county.id });
    const missing = await manager.get(`${API}/units/${crypto.randomUUID()}`);
    for (const res of [
      await manager.get(`${API}/units/${foreign.id}`),
      await manager.patch(`${API}/units/${foreign.id}`, { name: '改' }),
      await manager.delete(`${API}/units/${foreign.id}`),
      await manager.post(`${API}/units`, { name: '越界', kind: 'other', regionId: w.b.township.id }),
      await manager.get(`${API}/units?regionId=${w.b.county.id}`),
    ]) {
      expectError(res, 404, 'NOT_FOUND');
      expect(res.body).toBe(missing.body);
    }
    const mine = await createUnit(manager, { name: '甲县单位', kind: 'other', regionId: w.a.grid.id });
    // Moving one's own unit out of the area is refused like a missing region.
    expectError(await manager.patch(`${API}/units/${mine.id}`, { regionId: w.b.grid.id }), 404, 'NOT_FOUND');
    expect((await admin.get(`${API}/units/${mine.id}`)).json().regionId).toBe(w.a.grid.id);
  });

  it('explains invalid fields in the caller’s language', async () => {
    const e = expectError(
      await admin.post(`${API}/units`, { name: 5, kind: 'other', regionId: 'not-a-uuid', extra: 1 }),
      400,
      'VALIDATION',
    );
    expect(e.fields).toMatchObject({ name: '类型不正确，应为文本', regionId: expect.any(String), extra: '不允许的字段' });
    admin.lang = 'en';
    const en = expectError(
      await admin.post(`${API}/units`, { name: '   ', kind: 'other', regionId: w.a.county.id }),
      400,
      'VALIDATION',
    );
    admin.lang = 'zh-CN';
    expect(en.fields).toEqual({ name: 'Must not be blank' });
  });
});
