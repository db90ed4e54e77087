import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figures } from '../../../common/dashboard-figures.ts';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { addDays, calendarDate, zonedInstant } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { dutyFixtures } from '../duty/rosters.fixtures.ts';
import { assign, makeRoster, makeShift } from '../duty/duty.test-helpers.ts';
import { dispatchFixtures } from '../errands/dispatch.test-helpers.ts';
import { makeInspection, makeIssue } from '../field-issues/field-issues.test-helpers.ts';
import type { Dashboard } from './dashboard.schemas.ts';

/**
 * Records in a community of each of two counties, a refresh, then the stored figures against the
 * lists behind them, at the community, its county and the root.
 */
let t: TestApp;
let w: TwoCounties;
let admin: Client;
let manager: Client;
let inspector: Client;
const closable: string[] = [];

const db = () => t.deps.db.db;
const tz = () => t.deps.config.timeZone;
const today = () => calendarDate(tz());
const daysAgo = (n: number, time = '12:00') => nowIso(zonedInstant(tz(), addDays(today(), -n), time));

async function dashboard(client: Client, regionId?: string): Promise<Dashboard> {
  const res = await client.get(`/api/v1/dashboard${regionId ? `?regionId=${regionId}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Dashboard;
}

async function refresh(client: Client = admin): Promise<string> {
  const res = await client.post('/api/v1/dashboard/refresh');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { computedAt: string }).computedAt;
}

async function total(url: string): Promise<number> {
  const res = await admin.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { total: number }).total;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  const duty = dutyFixtures(t);
  await t.factory.account({ login: 'd-admin', grants: [{ role: 'admin', regionId: null }] });
  await t.factory.account({ login: 'd-manager', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  await t.factory.account({ login: 'd-inspector', grants: [{ role: 'inspector', regionId: w.a.county.id }] });
  admin = await t.signIn('d-admin');
  manager = await t.signIn('d-manager');
  inspector = await t.signIn('d-inspector');
  const raiser = await t.factory.account({ grants: [{ role: 'region_manager', regionId: w.a.county.id }] });

  // Volunteers: three active and one paused at home in A's grid, two in B's community.
  const volunteersA = [];
  for (let i = 0; i < 3; i++) volunteersA.push((await t.factory.volunteer({ regionId: w.a.grid.id })).id);
  await t.factory.volunteer({ regionId: w.a.grid.id, status: 'paused' });
  for (let i = 0; i < 2; i++) await t.factory.volunteer({ regionId: w.b.community.id });

  // Teams and checkpoints; one of A's checkpoints is closed, one was opened three days ago.
  await duty.team(w.a.community.id);
  await duty.team(w.b.community.id);
  await duty.team(w.b.grid.id);
  const cpA = await duty.checkpoint(w.a.community.id);
  closable.push((await duty.checkpoint(w.a.grid.id)).id);
  await duty.checkpoint(w.a.community.id, { status: 'closed' });
  const old = await duty.checkpoint(w.b.community.id);
  await db()
    .updateTable('checkpoints')
    .set({ createdAt: daysAgo(3) })
    .where('id', '=', old.id)
    .execute();

  // Today's duty at A's checkpoint: a shift since midnight (3 required, 2 assigned, 1 checked in)
  // and one at 23:59 (2 required, 1 assigned, not started).
  const rosterId = await makeRoster(db(), { regionId: w.a.community.id });
  const started = await makeShift(db(), {
    rosterId,
    checkpointId: cpA.id,
    startsAt: nowIso(zonedInstant(tz(), today(), '00:00')),
    endsAt: nowIso(zonedInstant(tz(), addDays(today(), 1), '00:00')),
    required: 3,
  });
  const later = await makeShift(db(), {
    rosterId,
    checkpointId: cpA.id,
    startsAt: nowIso(zonedInstant(tz(), today(), '23:59')),
    endsAt: nowIso(zonedInstant(tz(), addDays(today(), 1), '06:00')),
    required: 2,
  });
  await assign(db(), { rosterId, shiftId: started, volunteerId: volunteersA[0]!, checkedInAt: nowIso() });
  await assign(db(), { rosterId, shiftId: started, volunteerId: volunteersA[1]! });
  await assign(db(), { rosterId, shiftId: later, volunteerId: volunteersA[2]! });

  // Inspections: two visits in A, one in B.
  await makeInspection(db(), { checkpointId: cpA.id, regionId: w.a.community.id, accountId: raiser.id });
  await makeInspection(db(), { checkpointId: cpA.id, regionId: w.a.community.id, accountId: raiser.id });
  await makeInspection(db(), { checkpointId: old.id, regionId: w.b.community.id, accountId: raiser.id });

  // Issues: in A two open (one overdue) and one resolved; in B one open.
  await makeIssue(db(), { regionId: w.a.community.id, raisedBy: raiser.id });
  await makeIssue(db(), { regionId: w.a.grid.id, raisedBy: raiser.id, deadline: daysAgo(0, '00:00') });
  await makeIssue(db(), { regionId: w.a.community.id, raisedBy: raiser.id, status: 'resolved' });
  await makeIssue(db(), { regionId: w.b.community.id, raisedBy: raiser.id });

  // An errand order in A placed 12 minutes before its claim, for the medians.
  const placed = nowIso(new Date(Date.now() - 12 * 60_000));
  const order = await dispatchFixtures(t).order({
    regionId: w.a.grid.id,
    postId: null,
    createdAt: placed,
    claimedBy: volunteersA[0]!,
  });
  await db()
    .updateTable('errandOrders')
    .set({ status: 'claimed', claimedAt: nowIso(), orderedOn: today() })
    .where('id', '=', order.id)
    .execute();
});
afterAll(() => t.close());

describe('the command dashboard', () => {
  let first: string;

  it('refreshes, and backfills the past days once', async () => {
    first = await refresh();
    const days = await db().selectFrom('dashboardDays').select(['day', 'computedAt']).orderBy('day').execute();
    expect(days.map((d) => d.day)).toEqual(Array.from({ length: 14 }, (_, i) => addDays(today(), i - 13)));
    expect(days.every((d) => d.computedAt === first)).toBe(true);

    // A checkpoint backdated now changes no frozen day: the next refresh computes today only.
    await db()
      .updateTable('checkpoints')
      .set({ createdAt: daysAgo(5) })
      .where('id', '=', closable[0]!)
      .execute();
    const second = await refresh();
    const after = await db().selectFrom('dashboardDays').select(['day', 'computedAt']).orderBy('day').execute();
    expect(after.slice(0, 13).every((d) => d.computedAt === first)).toBe(true);
    expect(after[13]).toEqual({ day: today(), computedAt: second });
  });

  it('shows figures equal to the lists behind them, at the community, its county and the root', async () => {
    for (const region of [w.a.community, w.a.county, w.city, w.b.community]) {
      const d = await dashboard(admin, region.id);
      const f = d.figures;
      expect(f.checkpoints, region.level).toBe(await total(`/api/v1/checkpoints?regionId=${region.id}&status=active`));
      expect(f.volunteersActive, region.level).toBe(await total(`/api/v1/volunteers?regionId=${region.id}&status=active`));
      expect(f.teams, region.level).toBe(await total(`/api/v1/teams?regionId=${region.id}`));
      expect(f.inspections, region.level).toBe(await total(`/api/v1/inspections?regionId=${region.id}&from=${today()}`));
      const issues = (await admin.get(`/api/v1/field-issues?regionId=${region.id}`)).json() as {
        counts: { open: number; in_progress: number; overdue: number };
      };
      expect(f.issuesOpen, region.level).toBe(issues.counts.open + issues.counts.in_progress);
      expect(f.issuesOverdue, region.level).toBe(issues.counts.overdue);
    }
    const a = (await dashboard(admin, w.a.community.id)).figures;
    expect(a).toMatchObject({
      volunteersActive: 3,
      checkpoints: 2,
      checkpointsAllDay: 2,
      shiftsRequired: 5,
      shiftsAssigned: 3,
      attendanceDue: 2,
      attendancePresent: 1,
      volunteersOnPost: 1,
      volunteersServed: 1,
      inspections: 2,
      issuesOpen: 2,
      issuesOverdue: 1,
      issuesOpened: 3,
      issuesResolved: 1,
    });
    const root = (await dashboard(admin, w.city.id)).figures;
    expect(root).toMatchObject({ volunteersActive: 5, teams: 3, checkpoints: 3, issuesOpen: 3 });
  });

  it('drills down: the children add up to their parent', async () => {
    for (const region of [w.city, w.a.county, w.a.township]) {
      const d = await dashboard(admin, region.id);
      expect(d.children.length).toBeGreaterThan(0);
      for (const key of ['checkpoints', 'volunteersActive', 'teams', 'issuesOpen', 'inspections'] as (keyof Figures)[]) {
        expect(
          d.children.reduce((sum, c) => sum + c.figures[key], 0),
          `${region.level} ${key}`,
        ).toBe(d.figures[key]);
      }
    }
    const county = await dashboard(admin, w.a.county.id);
    expect(county.children.map((c) => c.region.id)).toEqual([w.a.township.id, w.a.township2.id]);
    expect(county.children.map((c) => c.hasChildren)).toEqual([true, false]);
    expect(county.breadcrumb.map((r) => r.id)).toEqual([w.city.id, w.a.county.id]);
  });

  it('keeps a 14-day trend, today last, with backfilled days', async () => {
    const d = await dashboard(admin, w.city.id);
    expect(d.day).toBe(today());
    expect(d.trend.map((x) => x.day)).toEqual(Array.from({ length: 14 }, (_, i) => addDays(today(), i - 13)));
    expect(d.trend[13]!.figures).toEqual(d.figures);
    // Only the checkpoint opened three days ago existed then (the one backdated after the backfill is not seen).
    expect(d.trend.map((x) => x.figures.checkpoints)).toEqual([...Array(10).fill(0), 1, 1, 1, 3]);
    expect(d.trend[12]!.figures.volunteersActive).toBe(0);
  });

  it('writes only what changed, and a changed record shows after the next refresh', async () => {
    const rows = () => db().selectFrom('dashboardFigures').selectAll().where('day', '=', today()).orderBy('regionId').execute();
    const before = await rows();
    const unchanged = await refresh();
    expect(await rows()).toEqual(before);
    expect(unchanged > first).toBe(true);

    const res = await admin.patch(`/api/v1/checkpoints/${closable[0]}`, { status: 'closed' });
    expect(res.statusCode, res.body).toBe(200);
    const changedAt = await refresh();
    const after = await rows();
    const rewritten = after.filter((r) => r.computedAt === changedAt).map((r) => r.regionId);
    // The grid lost its only figure-bearing checkpoint but keeps its volunteers and an issue.
    expect(rewritten.sort()).toEqual([w.city.id, w.a.county.id, w.a.township.id, w.a.community.id, w.a.grid.id].sort());
    expect((await dashboard(admin, w.a.community.id)).figures.checkpoints).toBe(1);
    expect((await dashboard(admin, w.city.id)).figures.checkpoints).toBe(2);

    // Open dashboards hear of it through one notice at the root that reaches the readers below it.
    const events = await db()
      .selectFrom('events')
      .select(['regionPath', 'reachBelow', 'data'])
      .where('type', '=', 'dashboard.refreshed')
      .execute();
    expect(events.at(-1)).toEqual({ regionPath: w.city.path, reachBelow: 1, data: JSON.stringify({ computedAt: changedAt }) });
  });

  it('shares one refresh among those asked together; one asked after it ends counts what came since', async () => {
    // The first starts one; the two arriving while it runs share the next.
    const together = await Promise.all([refresh(), refresh(manager), refresh()]);
    expect(new Set(together).size).toBeLessThanOrEqual(2);
    const later = await refresh(manager);
    expect(together.every((at) => later > at)).toBe(true);
  });

  it("shows a county manager their county, and another county's or the root as missing", async () => {
    const d = await dashboard(manager);
    expect(d.region.id).toBe(w.a.county.id);
    expect(d.breadcrumb.map((r) => r.id)).toEqual([w.a.county.id]);
    for (const id of [w.b.county.id, w.b.community.id, w.city.id, newId()]) {
      const res = await manager.get(`/api/v1/dashboard?regionId=${id}`);
      expect(res.statusCode, id).toBe(404);
    }
    const community = await dashboard(manager, w.a.community.id);
    expect(community.breadcrumb.map((r) => r.id)).toEqual([w.a.county.id, w.a.township.id, w.a.community.id]);
    // A refresh answers a time, nothing of anyone's figures.
    const res = await manager.post('/api/v1/dashboard/refresh');
    expect(Object.keys(res.json() as object)).toEqual(['computedAt']);
  });

  it('gives errand medians only to readers of errands', async () => {
    const d = await dashboard(manager, w.a.community.id);
    expect(d.errandsMedianClaimMinutes).toBeCloseTo(12, 0);
    const seen = await dashboard(inspector, w.a.community.id);
    expect(seen.errandsMedianClaimMinutes).toBeNull();
    expect(seen.errandsMedianDeliveryMinutes).toBeNull();
    expect(seen.figures).toEqual(d.figures);
  });

  it('refuses callers without dashboard.read', async () => {
    const volunteer = await t.factory.account({ grants: [{ role: 'volunteer', regionId: w.a.grid.id }] });
    const client = await t.signIn(volunteer.login);
    expect((await client.get('/api/v1/dashboard')).statusCode).toBe(403);
    expect((await client.post('/api/v1/dashboard/refresh')).statusCode).toBe(403);
  });
});
