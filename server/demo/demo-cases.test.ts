import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { API } from '../../test/requests.ts';
import { DEMO_PASSWORD, loadDemoCity } from './demo-city.ts';
import { DEMO_ACTIVE_CASES, loadDemoCases, type DemoCasesSummary } from './demo-cases.ts';
import { loadDemoVolunteers } from './demo-volunteers.ts';

let t: TestApp;
let summary: DemoCasesSummary | null;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemoCity(t.deps);
  await t.deps.db.withoutSync(() => loadDemoVolunteers(t.deps));
  summary = await t.deps.db.withoutSync(() => loadDemoCases(t.deps));
}, 300_000);
afterAll(() => t.close());

describe('demo isolation cases', () => {
  it('loads about 300 active home isolations, some closed ones and services, once', async () => {
    expect(summary).not.toBeNull();
    expect(summary!.active).toBe(DEMO_ACTIVE_CASES);
    expect(summary!.closed).toBeGreaterThanOrEqual(40);
    expect(summary!.services).toBeGreaterThan(100);
    expect(await t.deps.db.withoutSync(() => loadDemoCases(t.deps))).toBeNull();
  });

  it('gives the demo doctor the cases of 雪松社区 and the demo volunteer services on their phone page', async () => {
    const doctor = await t.signIn('doctor', DEMO_PASSWORD);
    const list = (await doctor.get(`${API}/quarantine/cases?status=active&limit=200`)).json();
    expect(list.total).toBeGreaterThan(50);
    const c = list.items[0];
    expect(c.counter.day).toBeGreaterThanOrEqual(1);
    expect(c.counter.day).toBeLessThanOrEqual(14);
    expect((await doctor.get(`${API}/quarantine/cases/${c.id}`)).statusCode).toBe(200);
    const volunteer = await t.signIn('volunteer', DEMO_PASSWORD);
    expect((await volunteer.get(`${API}/quarantine/services/mine`)).json().items.length).toBeGreaterThan(0);
  });
});
