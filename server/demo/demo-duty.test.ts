import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { API } from '../../test/requests.ts';
import { DEMO_PASSWORD, loadDemoCity } from './demo-city.ts';
import { loadDemoDuty, type DemoDutySummary } from './demo-duty.ts';
import { loadDemoVolunteers } from './demo-volunteers.ts';

let t: TestApp;
let summary: DemoDutySummary | null;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemoCity(t.deps);
  await t.deps.db.withoutSync(() => loadDemoVolunteers(t.deps));
  summary = await t.deps.db.withoutSync(() => loadDemoDuty(t.deps));
}, 300_000);
afterAll(() => t.close());

describe('demo duty', () => {
  it('loads the checkpoints and a published roster for 驿城区 once, short of people as in the report', async () => {
    expect(summary!.checkpoints).toBeGreaterThan(60);
    expect(await loadDemoDuty(t.deps)).toBeNull();
    const commander = await t.signIn('commander', DEMO_PASSWORD);
    const rosters = (await commander.get(`${API}/rosters`)).json().items as {
      id: string;
      status: string;
      coverage: number;
      positions: number;
    }[];
    expect(rosters).toHaveLength(1);
    expect(rosters[0]!.status).toBe('published');
    // Round-the-clock gates outnumber what ~350 people can staff at five shifts a week.
    expect(rosters[0]!.coverage).toBeGreaterThan(0.3);
    expect(rosters[0]!.coverage).toBeLessThan(1);
    const detail = (await commander.get(`${API}/rosters/${rosters[0]!.id}`)).json();
    expect(detail.shortage.uncoveredTotal).toBeGreaterThan(0);
    expect(detail.shortage.byRisk[0].risk).toBe(4);
  });

  it('the demo volunteer is on duty now at a 雪松社区 checkpoint and can check in there', async () => {
    const volunteer = await t.signIn('volunteer', DEMO_PASSWORD);
    const me = (await volunteer.get(`${API}/duty/me`)).json();
    expect(me.volunteer.name).toBe('孙丽');
    const now = Date.now();
    const current = me.duties.find(
      (d: { startsAt: string; endsAt: string }) => Date.parse(d.startsAt) <= now && Date.parse(d.endsAt) > now,
    );
    expect(current, 'a duty on now').toBeDefined();
    expect(current.checkpoint.regionName).toContain('雪松社区');
    expect(current.canCheckIn).toBe(true);
  });

  it('the day so far: people checked in, no-shows flagged and visible to the community', async () => {
    expect(summary!.checkedIn).toBeGreaterThan(0);
    const xuesong = await t.signIn('yicheng', DEMO_PASSWORD);
    const now = (await xuesong.get(`${API}/duty/now`)).json();
    expect(now.totals.checkpoints).toBeGreaterThan(0);
    expect(now.totals.onDuty).toBeGreaterThan(0);
    if (summary!.absent > 0) {
      const absences = (await xuesong.get(`${API}/duty/absences`)).json();
      expect(absences.total).toBe(summary!.absent);
    }
  });
});
