import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { API } from '../../test/requests.ts';
import { findRegionByCode } from '../features/regions/regions.repository.ts';
import { DEMO_PASSWORD, loadDemoCity } from './demo-city.ts';
import { loadDemoCases } from './demo-cases.ts';
import { loadDemoDisinfection, XINCAI, type DemoDisinfectionSummary } from './demo-disinfection.ts';
import { loadDemoDuty } from './demo-duty.ts';
import { loadDemoVolunteers } from './demo-volunteers.ts';

let t: TestApp;
let summary: DemoDisinfectionSummary | null;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemoCity(t.deps);
  await t.deps.db.withoutSync(() => loadDemoVolunteers(t.deps));
  await t.deps.db.withoutSync(() => loadDemoDuty(t.deps));
  await t.deps.db.withoutSync(() => loadDemoCases(t.deps));
  summary = await t.deps.db.withoutSync(() => loadDemoDisinfection(t.deps));
}, 300_000);
afterAll(() => t.close());

describe('demo disinfection', () => {
  it('loads places, schedules and two weeks of logs, most signed off, once', async () => {
    expect(summary).not.toBeNull();
    expect(summary!.places).toBeGreaterThan(25);
    expect(summary!.logs).toBeGreaterThan(200);
    expect(summary!.signedOff).toBeGreaterThan(summary!.logs / 2);
    expect(await t.deps.db.withoutSync(() => loadDemoDisinfection(t.deps))).toBeNull();
  });

  it('gives the demo volunteer jobs due today, an overdue one first', async () => {
    const volunteer = await t.signIn('volunteer', DEMO_PASSWORD);
    const jobs = (await volunteer.get(`${API}/disinfection/my/jobs`)).json().items as { state: string }[];
    expect(jobs.filter((j) => j.state === 'due').length).toBeGreaterThanOrEqual(2);
    expect(jobs[0]!.state).toBe('overdue');
    expect((await volunteer.get(`${API}/disinfection/my/logs`)).json().items.length).toBeGreaterThan(5);
  });

  it('shows 新蔡县 near the report’s 50 times and 3,000,000 m², and overdue jobs in the city', async () => {
    expect(summary!.xincai.operations).toBeGreaterThanOrEqual(50);
    expect(summary!.xincai.areaM2).toBeGreaterThan(2_500_000);
    expect(summary!.xincai.areaM2).toBeLessThan(4_000_000);
    const commander = await t.signIn('commander', DEMO_PASSWORD);
    const city = (await commander.get(`${API}/disinfection/totals?all=true`)).json();
    const xincai = await findRegionByCode(t.deps.db.db, XINCAI);
    const row = city.children.find((c: { regionId: string }) => c.regionId === xincai!.id);
    expect(row).toMatchObject({ operations: summary!.xincai.operations });
    expect(city.homes.operations).toBeGreaterThan(0);
    const overdue = (await commander.get(`${API}/disinfection/schedules?state=overdue`)).json();
    expect(overdue.total).toBeGreaterThanOrEqual(3);
    const inspector = await t.signIn('inspector', DEMO_PASSWORD);
    const unsigned = (await inspector.get(`${API}/disinfection/logs?signed=false`)).json();
    expect(unsigned.total).toBeGreaterThan(0);
  });
});
