import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { API } from '../../test/requests.ts';
import { DEMO_PASSWORD, loadDemoCity } from './demo-city.ts';
import { DEMO_CONTACTS, DEMO_RETURNEES, loadDemoReturnees, type DemoReturneesSummary } from './demo-returnees.ts';

let t: TestApp;
let summary: DemoReturneesSummary | null;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemoCity(t.deps);
  summary = await t.deps.db.withoutSync(() => loadDemoReturnees(t.deps));
}, 300_000);
afterAll(() => t.close());

describe('demo returnees and close contacts', () => {
  it('loads the returnees, most confirmed, and the contacts, once', async () => {
    expect(summary).toMatchObject({ returnees: DEMO_RETURNEES, contacts: DEMO_CONTACTS });
    expect(summary!.confirmed).toBeGreaterThan(DEMO_RETURNEES * 0.6);
    expect(await t.deps.db.withoutSync(() => loadDemoReturnees(t.deps))).toBeNull();
  });

  it('the district’s manager sees them masked, pending first, mostly from Hubei within the last 20 days', async () => {
    const manager = await t.signIn('yicheng', DEMO_PASSWORD);
    const res = await manager.get(`${API}/returnees?limit=200`);
    expect(res.statusCode, res.body).toBe(200);
    const { items, total } = res.json() as {
      items: { originCode: string; measure: string | null; name: string; tripNumber: string | null; transport: string }[];
      total: number;
    };
    expect(total).toBeGreaterThan(40);
    expect(items[0]!.measure).toBeNull();
    expect(items.filter((r) => r.originCode.startsWith('42')).length).toBeGreaterThan(items.length / 2);
    expect(items.every((r) => /^.\*+$/.test(r.name))).toBe(true);
    expect(items.filter((r) => r.transport === 'rail').every((r) => /^[GDKZT]\d+$/.test(r.tripNumber ?? ''))).toBe(true);
    const contacts = (await manager.get(`${API}/contacts?limit=200`)).json();
    expect(contacts.total).toBeGreaterThan(5);
  });
});
