import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { calendarDate, zonedInstant } from '../platform/dates.ts';
import { API } from '../../test/requests.ts';
import { DEMO_PASSWORD, loadDemoCity } from './demo-city.ts';
import { loadDemoDuty } from './demo-duty.ts';
import { loadDemoInspections, type DemoInspectionsSummary } from './demo-inspections.ts';
import { loadDemoVolunteers } from './demo-volunteers.ts';

let t: TestApp;
let summary: DemoInspectionsSummary | null;
beforeAll(async () => {
  t = await createTestApp();
  // The demo's visits are this morning's, on shifts of a roster that starts today: before the day's
  // first shift (the small hours) there is nothing to visit yet. Load and read at 10:30 local.
  const { timeZone } = t.deps.config;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(zonedInstant(timeZone, calendarDate(timeZone), '10:30'));
  await loadDemoCity(t.deps);
  await t.deps.db.withoutSync(() => loadDemoVolunteers(t.deps));
  await t.deps.db.withoutSync(() => loadDemoDuty(t.deps));
  summary = await t.deps.db.withoutSync(() => loadDemoInspections(t.deps));
}, 300_000);
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

describe('demo inspections, issues and passages', () => {
  it('loads once: groups, visits, the ledger, the passage log and its follow-ups', async () => {
    expect(summary).not.toBeNull();
    expect(summary!.groups).toBe(2);
    expect(summary!.visits).toBeGreaterThan(0);
    expect(summary!.passages).toBeGreaterThan(50);
    expect(summary!.followUps).toBeGreaterThan(0);
    expect(await loadDemoInspections(t.deps)).toBeNull();
  });

  it('the inspector sees his groups, today’s visits and a round for the rest', async () => {
    const inspector = await t.signIn('inspector', DEMO_PASSWORD);
    const groups = (await inspector.get(`${API}/inspection-groups?mine=true`)).json();
    expect(groups.items.map((g: { name: string }) => g.name).sort()).toEqual(['驿城区第一联络组', '驿城区纪检监察组']);
    const coverage = (await inspector.get(`${API}/inspections/coverage`)).json();
    expect(coverage.totals.checkpoints).toBeGreaterThan(50);
    expect(coverage.totals.visitedToday).toBeGreaterThan(0);
    expect(coverage.route.length).toBe(coverage.totals.checkpoints - coverage.totals.visitedToday);
    const visits = (await inspector.get(`${API}/inspections`)).json();
    expect(visits.total).toBe(summary!.visits);
  });

  it('the ledger holds every state, one overdue issue escalated above its community', async () => {
    const commander = await t.signIn('commander', DEMO_PASSWORD);
    const list = (await commander.get(`${API}/field-issues`)).json();
    expect(list.total).toBe(summary!.issues);
    expect(list.counts.verified).toBeGreaterThan(0);
    expect(list.counts.resolved).toBeGreaterThan(0);
    expect(list.counts.in_progress).toBeGreaterThan(0);
    expect(list.counts.overdue).toBeGreaterThan(0);
    const escalated = list.items.find((i: { escalationLevel: number }) => i.escalationLevel > 0);
    expect(escalated.currentRegion.id).not.toBe(escalated.ownerRegion.id);
  });

  it('the district sees today’s passages masked, and the doctor follow-ups for fevers and Hubei arrivals', async () => {
    // Not 雪松社区's manager: she logged most of them, and sees her own entries in full while she may correct them.
    const district = await t.signIn('yicheng', DEMO_PASSWORD);
    const list = (await district.get(`${API}/passages?limit=200`)).json();
    expect(list.total).toBe(summary!.passages);
    for (const p of list.items as { name: string | null; mobile: string | null }[]) {
      if (p.name) expect(p.name).toMatch(/\*/);
      if (p.mobile) expect(p.mobile).toMatch(/^\d{3}\*{4}\d{4}$/);
    }
    const doctor = await t.signIn('doctor', DEMO_PASSWORD);
    const followUps = (await doctor.get(`${API}/follow-ups?limit=200`)).json();
    expect(followUps.total).toBe(summary!.followUps);
    expect(followUps.items.some((f: { status: string }) => f.status === 'closed')).toBe(true);
  });
});
