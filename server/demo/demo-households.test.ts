import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { API } from '../../test/requests.ts';
import { DEMO_PASSWORD, loadDemoCity } from './demo-city.ts';
import { DONGGAO_CODE, DONGGAO_HOUSEHOLDS, loadDemoHouseholds, type DemoHouseholdsSummary } from './demo-households.ts';

let t: TestApp;
let summary: DemoHouseholdsSummary | null;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemoCity(t.deps);
  summary = await t.deps.db.withoutSync(() => loadDemoHouseholds(t.deps));
}, 300_000);
afterAll(() => t.close());

describe('demo households', () => {
  it('loads 东高社区 at the report’s scale and the other communities, once', async () => {
    expect(summary).not.toBeNull();
    expect(summary!.donggao).toBe(DONGGAO_HOUSEHOLDS);
    expect(summary!.households).toBeGreaterThan(DONGGAO_HOUSEHOLDS + 1000);
    expect(summary!.residents).toBeGreaterThan(summary!.households * 1.5);
    expect(await t.deps.db.withoutSync(() => loadDemoHouseholds(t.deps))).toBeNull();
    const count = await t.deps.db.db
      .selectFrom('households')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(summary!.households);
  });

  it('the community’s manager sees its households with masked members, mostly owner-occupied', async () => {
    const admin = await t.signIn('admin', DEMO_PASSWORD);
    const donggao = await t.deps.db.db
      .selectFrom('regions')
      .select('id')
      .where('code', '=', DONGGAO_CODE)
      .executeTakeFirstOrThrow();
    const all = (await admin.get(`${API}/households?regionId=${donggao.id}&limit=1`)).json();
    expect(all.total).toBe(DONGGAO_HOUSEHOLDS);
    const rented = (await admin.get(`${API}/households?regionId=${donggao.id}&housing=rented&limit=1`)).json();
    const vacant = (await admin.get(`${API}/households?regionId=${donggao.id}&housing=vacant&limit=1`)).json();
    expect(rented.total / all.total).toBeGreaterThan(0.1);
    expect(rented.total / all.total).toBeLessThan(0.2);
    expect(vacant.total / all.total).toBeLessThan(0.08);
    const first = all.items[0];
    expect(first.address).toBe('东高社区1号楼1单元101室');
    const detail = (await admin.get(`${API}/households/${first.id}`)).json();
    for (const m of detail.members) if (m.idNumber) expect(m.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
  });
});
