import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { API } from '../../test/requests.ts';
import type { CampaignDetail, CoverageNode } from '../features/households/screening.schemas.ts';
import { DEMO_PASSWORD, loadDemoCity } from './demo-city.ts';
import { DONGGAO_CODE, loadDemoHouseholds } from './demo-households.ts';
import { loadDemoScreening, type DemoScreeningSummary } from './demo-screening.ts';

let t: TestApp;
let summary: DemoScreeningSummary | null;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemoCity(t.deps);
  await t.deps.db.withoutSync(() => loadDemoHouseholds(t.deps));
  summary = await t.deps.db.withoutSync(() => loadDemoScreening(t.deps));
}, 300_000);
afterAll(() => t.close());

describe('demo screening', () => {
  it('loads one campaign over 东高社区 with about 70 % of its households visited, once', async () => {
    expect(summary).not.toBeNull();
    expect(summary!.visited / summary!.households).toBeGreaterThan(0.6);
    expect(summary!.visited / summary!.households).toBeLessThan(0.8);
    expect(summary!.notReached).toBeGreaterThan(0);
    expect(await t.deps.db.withoutSync(() => loadDemoScreening(t.deps))).toBeNull();
  });

  it('shows the campaign, its grids and its coverage to 驿城区’s manager', async () => {
    const manager = await t.signIn('yicheng', DEMO_PASSWORD);
    const detail = (await manager.get(`${API}/screening/campaigns/${summary!.campaignId}`)).json() as CampaignDetail;
    expect(detail.status).toBe('active');
    expect(detail.grids.length).toBe(4);
    const res = await manager.get(`${API}/screening/campaigns/${summary!.campaignId}/coverage`);
    expect(res.statusCode, res.body).toBe(200);
    const top = (res.json() as { nodes: CoverageNode[] }).nodes[0]!;
    const donggao = await t.deps.db.db
      .selectFrom('regions')
      .select('id')
      .where('code', '=', DONGGAO_CODE)
      .executeTakeFirstOrThrow();
    expect(top.regionId).toBe(donggao.id);
    expect(top.reached + top.notReached).toBe(summary!.visited);
    expect(top.fever).toBeGreaterThan(0);
    expect(top.riskReturns).toBeGreaterThan(0);
    const tasks = await t.deps.db.db.selectFrom('followUps').select('id').where('sourceKind', '=', 'screening_visit').execute();
    expect(tasks.length).toBe(summary!.findings);
  });
});
