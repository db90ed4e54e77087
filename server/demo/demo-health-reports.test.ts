import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { API } from '../../test/requests.ts';
import { findAccountForLogin } from '../features/accounts/accounts.repository.ts';
import { accountsService } from '../features/accounts/accounts.service.ts';
import { alertsService, pathAbove } from '../features/quarantine/alerts.service.ts';
import { regionsService } from '../features/regions/regions.service.ts';
import { DEMO_PASSWORD, loadDemoCity } from './demo-city.ts';
import { loadDemoCases } from './demo-cases.ts';
import { loadDemoHealthReports, type DemoHealthSummary } from './demo-health-reports.ts';
import { loadDemoVolunteers } from './demo-volunteers.ts';

const TICK = 15 * 60_000;

let t: TestApp;
let summary: DemoHealthSummary | null;
let loadedAt: number;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemoCity(t.deps);
  await t.deps.db.withoutSync(() => loadDemoVolunteers(t.deps));
  await t.deps.db.withoutSync(() => loadDemoCases(t.deps));
  loadedAt = Date.now();
  summary = await t.deps.db.withoutSync(() => loadDemoHealthReports(t.deps));
}, 300_000);
afterAll(() => t.close());

const services = () => {
  const regions = regionsService(t.deps);
  const accounts = accountsService(t.deps, regions);
  return { accounts, alerts: alertsService(t.deps, { regions, accounts }) };
};

const allAlerts = () =>
  t.deps.db.db
    .selectFrom('alerts as a')
    .innerJoin('regions as r', 'r.id', 'a.regionId')
    .leftJoin('healthReports as h', 'h.id', 'a.reportId')
    .select([
      'a.id',
      'a.caseId',
      'a.kind',
      'a.slotOn',
      'a.slot',
      'a.level',
      'a.status',
      'a.ownerAccountId',
      'a.closedBy',
      'a.outcome',
      'a.escalatedAt',
      'a.createdAt',
      'a.closedAt',
      'r.path as regionPath',
      'h.remeasuredTemperature',
    ])
    .execute();

describe('demo health reports', () => {
  it('reports the past slots of the active cases, with fevers, missed slots, help requests and a few links, once', async () => {
    expect(summary).not.toBeNull();
    const s = summary!;
    expect(s.reports).toBeGreaterThan(1000);
    expect(s.missed / (s.reports + s.missed)).toBeGreaterThan(0.01);
    expect(s.missed / (s.reports + s.missed)).toBeLessThan(0.06);
    expect(s.fevers).toBeGreaterThan(0);
    expect(s.help).toBeGreaterThan(0);
    expect(s.fresh).toBeGreaterThanOrEqual(4);
    expect(s.links).toBe(5);
    expect(await t.deps.db.withoutSync(() => loadDemoHealthReports(t.deps))).toBeNull();
  });

  it('leaves past alerts closed by their owner, or open where the escalation job would have taken them', async () => {
    const { accounts } = services();
    const rows = await allAlerts();
    const past = rows.filter((a) => Date.parse(a.createdAt) < loadedAt - 24 * 3600_000);
    expect(past.length).toBeGreaterThan(50);
    expect(past.filter((a) => a.status === 'closed').length / past.length).toBeGreaterThan(0.9);
    for (const a of rows.filter((a) => a.status === 'closed')) {
      expect(a.outcome).toBeTruthy();
      expect(a.closedBy).toBe(a.ownerAccountId);
      expect(Date.parse(a.closedAt!)).toBeGreaterThan(Date.parse(a.createdAt));
    }
    const escalated = rows.filter((a) => a.status === 'open' && a.level > 0);
    expect(escalated.length).toBeGreaterThan(0);
    for (const a of escalated) {
      expect(a.escalatedAt).not.toBeNull();
      const target = pathAbove(a.regionPath, a.level)!;
      expect(a.ownerAccountId).toBe((await accounts.staffOf(t.deps.db.db, target, ['region_manager']))[0] ?? null);
    }
    // Nothing is left behind by the job: its last slot before the load moves nothing.
    const slot = Math.floor((loadedAt - 30_000) / TICK) * TICK;
    expect(await services().alerts.escalate(new Date(slot).toISOString())).toBe(0);
  });

  it('keeps alerts and reports in agreement', async () => {
    const rows = await allAlerts();
    for (const a of rows.filter((a) => a.kind === 'fever')) expect(Number(a.remeasuredTemperature)).toBeGreaterThanOrEqual(37.3);
    const missed = rows.filter((a) => a.kind === 'missed_slot');
    const reported = await t.deps.db.db
      .selectFrom('healthReports')
      .select(['caseId', 'slotOn', 'slot'])
      .where(
        'caseId',
        'in',
        missed.map((a) => a.caseId),
      )
      .execute();
    const keys = new Set(reported.map((r) => `${r.caseId}:${r.slotOn}:${r.slot}`));
    const clash = missed.filter((a) => keys.has(`${a.caseId}:${a.slotOn}:${a.slot}`));
    // Only the slots reported late after the missed-slot job had flagged them (and the alert was followed up).
    for (const a of clash) expect(a.status).toBe('closed');
  });

  it('after the first escalation run, still gives the demo doctor and the grid worker fresh open alerts', async () => {
    await services().alerts.escalate(new Date().toISOString());
    const doctor = (await findAccountForLogin(t.deps.db.db, 'doctor'))!;
    const grid = (await findAccountForLogin(t.deps.db.db, 'xuesong'))!;
    const open = (await allAlerts()).filter((a) => a.status === 'open' && a.level === 0);
    expect(open.filter((a) => a.kind === 'fever' && a.ownerAccountId === doctor.id).length).toBeGreaterThanOrEqual(2);
    expect(open.filter((a) => a.ownerAccountId === grid.id).length).toBeGreaterThanOrEqual(1);

    const session = await t.signIn('doctor', DEMO_PASSWORD);
    const res = await session.get(`${API}/quarantine/alerts?status=open&mine=true&limit=20`);
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json().items as { kind: string; level: number }[];
    expect(mine.filter((a) => a.kind === 'fever' && a.level === 0).length).toBeGreaterThanOrEqual(2);
  });
});
