import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { API } from '../../test/requests.ts';
import { DEMO_PASSWORD, loadDemoCity } from './demo-city.ts';
import { loadDemoCases } from './demo-cases.ts';
import { loadDemoHealthReports, type DemoHealthSummary } from './demo-health-reports.ts';
import { loadDemoVolunteers } from './demo-volunteers.ts';

let t: TestApp;
let summary: DemoHealthSummary | null;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemoCity(t.deps);
  await t.deps.db.withoutSync(() => loadDemoVolunteers(t.deps));
  await t.deps.db.withoutSync(() => loadDemoCases(t.deps));
  summary = await t.deps.db.withoutSync(() => loadDemoHealthReports(t.deps));
}, 300_000);
afterAll(() => t.close());

describe('demo health reports', () => {
  it('reports the past slots of the active cases, with fevers, missed slots, help requests and a few links, once', async () => {
    expect(summary).not.toBeNull();
    const s = summary!;
    expect(s.reports).toBeGreaterThan(1000);
    expect(s.missed / (s.reports + s.missed)).toBeGreaterThan(0.01);
    expect(s.missed / (s.reports + s.missed)).toBeLessThan(0.06);
    expect(s.fevers).toBeGreaterThan(0);
    expect(s.help).toBeGreaterThan(0);
    expect(s.links).toBe(5);
    expect(await t.deps.db.withoutSync(() => loadDemoHealthReports(t.deps))).toBeNull();
  });

  it('shows the demo doctor open alerts in their area', async () => {
    const doctor = await t.signIn('doctor', DEMO_PASSWORD);
    const res = await doctor.get(`${API}/quarantine/alerts?status=open&limit=20`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toBeGreaterThan(0);
  });
});
