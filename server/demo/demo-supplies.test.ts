import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { API } from '../../test/requests.ts';
import { expectBooksBalanced } from '../features/supplies/supplies.test-books.ts';
import { DEMO_PASSWORD, loadDemoCity } from './demo-city.ts';
import { loadDemoDuty } from './demo-duty.ts';
import { loadDemoHouseholds } from './demo-households.ts';
import { loadDemoSupplies, type DemoSuppliesSummary } from './demo-supplies.ts';
import { loadDemoVolunteers } from './demo-volunteers.ts';

let t: TestApp;
let summary: DemoSuppliesSummary | null;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemoCity(t.deps);
  await t.deps.db.withoutSync(() => loadDemoVolunteers(t.deps));
  await t.deps.db.withoutSync(() => loadDemoDuty(t.deps));
  await t.deps.db.withoutSync(() => loadDemoHouseholds(t.deps));
  summary = await t.deps.db.withoutSync(() => loadDemoSupplies(t.deps));
}, 300_000);
afterAll(() => t.close());

describe('demo supplies', () => {
  it('loads once: stores, two weeks of donations and allocations, transfers, one reversal, a low item', async () => {
    expect(summary).not.toBeNull();
    const s = summary!;
    expect(s.stores).toBe(6);
    expect(s.donations).toBeGreaterThan(25);
    expect(s.allocations).toBeGreaterThan(50);
    expect(s.confirmed / s.allocations).toBeGreaterThan(0.8);
    expect(s.transfers).toBeGreaterThan(5);
    expect(s.reversals).toBe(1);
    expect(s.lowItems).toBeGreaterThanOrEqual(1);
    expect(await t.deps.db.withoutSync(() => loadDemoSupplies(t.deps))).toBeNull();
    await expectBooksBalanced(t);
  });

  it('spreads the records over two weeks, with refs of their own day', async () => {
    const days = await t.deps.db.db.selectFrom('stockMovements').select('onDate').distinct().execute();
    expect(days.length).toBeGreaterThanOrEqual(14);
    const refs = await t.deps.db.db.selectFrom('allocations').select(['ref', 'sentAt']).execute();
    expect(new Set(refs.map((r) => r.ref.slice(3, 11))).size).toBeGreaterThanOrEqual(14);
  });

  it('雪松社区 is low on masks and its manager was told; 赵志刚 has supplies to sign for', async () => {
    const xuesong = await t.signIn('xuesong', DEMO_PASSWORD);
    const low = (await xuesong.get(`${API}/supplies/stock?lowOnly=true`)).json();
    expect(low.items.map((r: { storeName: string; item: { code: string } }) => `${r.storeName}/${r.item.code}`)).toContain(
      '雪松社区物资点/mask_medical',
    );
    const inbox = (await xuesong.get(`${API}/notifications`)).body;
    expect(inbox).toContain('库存预警：雪松社区物资点 的 医用外科口罩');
    const leader = await t.signIn('leader', DEMO_PASSWORD);
    const waiting = (await leader.get(`${API}/supplies/allocations/to-confirm`)).json().items;
    expect(waiting.length).toBeGreaterThanOrEqual(1);
    expect(waiting.every((a: { canConfirm: boolean }) => a.canConfirm)).toBe(true);
  });

  it('the public ledger of 驿城区 names units and never people', async () => {
    const res = await t.anonymous('10.1.1.1').get(`${API}/supplies/ledger/411702`);
    expect(res.statusCode, res.body).toBe(200);
    const ledger = res.json();
    expect(ledger.donations.length).toBeGreaterThan(10);
    expect(ledger.allocations.length).toBeGreaterThan(40);
    for (const name of ['王先生', '刘女士', '陈师傅', '13903960']) expect(res.body).not.toContain(name);
  });
});
