import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, auditRows, expectError } from '../../../test/requests.ts';
import { openStream } from '../../../test/sse.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { checkpointsService } from '../checkpoints/checkpoints.service.ts';
import { regionsService } from '../regions/regions.service.ts';
import { teamsService } from '../teams/teams.service.ts';
import { unitsService } from '../units/units.service.ts';
import { volunteersService } from '../volunteers/volunteers.service.ts';
import { attendanceService, type AttendanceService } from './attendance.service.ts';
import { assign, inMinutes, makeCheckpoint, makeRoster, makeShift } from './duty.test-helpers.ts';

let t: TestApp;
let w: TwoCounties;
let base: string;
let attendance: AttendanceService;

const MINUTE = 60_000;
const db = () => t.deps.db.db;

/** Local wall clock in Asia/Shanghai (UTC+8 all year), computed independently of the code under test. */
const shanghai = (iso: string) => new Date(Date.parse(iso) + 8 * 60 * MINUTE);
const hhmm = (iso: string) => shanghai(iso).toISOString().slice(11, 16);

/** A signed-in volunteer: account with a volunteer grant in county A, linked volunteer record. */
async function volunteer(login: string, name: string): Promise<{ id: string; accountId: string; client: Client }> {
  const account = await t.factory.account({ login, grants: [{ role: 'volunteer', regionId: w.a.grid.id }] });
  const v = await t.factory.volunteer({ regionId: w.a.grid.id, accountId: account.id, name });
  return { id: v.id, accountId: account.id, client: await t.signIn(login) };
}

async function team(leaderVolunteerId: string, memberIds: string[]): Promise<void> {
  const id = newId();
  const now = nowIso();
  await db()
    .insertInto('teams')
    .values({
      id,
      parentTeamId: null,
      name: `队${id.slice(-6)}`,
      kind: 'shock',
      regionId: w.a.township.id,
      leaderVolunteerId,
      description: null,
      branchName: null,
      branchSecretaryId: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  for (const volunteerId of [leaderVolunteerId, ...memberIds]) {
    await db()
      .insertInto('teamMembers')
      .values({ teamId: id, volunteerId, roleTags: '[]', inBranch: 0, joinedAt: now })
      .execute();
  }
}

/** A checkpoint in `regionId` with one published shift from `start` to `end` minutes from now, assigned to these volunteers. */
async function post(
  regionId: string,
  start: number,
  end: number,
  volunteerIds: string[],
  o: { rules?: Record<string, number>; status?: 'draft'; rosterRegionId?: string; required?: number; risk?: number } = {},
) {
  const cp = await makeCheckpoint(db(), { regionId, ...(o.risk ? { risk: o.risk } : {}) });
  const rosterId = await makeRoster(db(), {
    regionId: o.rosterRegionId ?? w.a.county.id,
    ...(o.rules ? { rules: o.rules } : {}),
    ...(o.status ? { status: o.status } : {}),
  });
  const startsAt = inMinutes(start);
  const endsAt = inMinutes(end);
  const shiftId = await makeShift(db(), {
    rosterId,
    checkpointId: cp.id,
    startsAt,
    endsAt,
    ...(o.required ? { required: o.required } : {}),
  });
  const assignments: string[] = [];
  for (const volunteerId of volunteerIds) assignments.push(await assign(db(), { rosterId, shiftId, volunteerId }));
  return { cp, rosterId, shiftId, startsAt, endsAt, assignments };
}

const row = (id: string) => db().selectFrom('rosterAssignments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const inbox = (accountId: string) =>
  db().selectFrom('notifications').selectAll().where('accountId', '=', accountId).orderBy('createdAt').execute();

beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  w = await twoCounties(t.factory);
  const regions = regionsService(t.deps);
  const volunteers = volunteersService(t.deps, { regions, units: unitsService(t.deps, regions) });
  const teams = teamsService(t.deps, { regions, volunteers });
  attendance = attendanceService(t.deps, {
    regions,
    volunteers,
    teams,
    checkpoints: checkpointsService(t.deps, { regions, teams }),
  });
});
afterAll(() => t.close());

describe('check-in', () => {
  it('checks in inside the window, storing the position but auditing only that there was one', async () => {
    const me = await volunteer('ci-in', '王一');
    const { cp, assignments } = await post(w.a.community.id, 20, 500, [me.id]);
    const res = await me.client.post(`${API}/duty/check-in`, { code: cp.code, lat: 32.95, lng: 114.01, accuracy: 12 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      assignmentId: assignments[0],
      attendance: 'on_duty',
      canCheckIn: false,
      canCheckOut: true,
      checkpoint: { id: cp.id, name: cp.name },
    });
    const stored = await row(assignments[0]!);
    expect(stored).toMatchObject({ checkInLat: 32.95, checkInLng: 114.01, checkInAccuracy: 12 });
    expect(Math.abs(Date.parse(stored.checkedInAt!) - Date.now())).toBeLessThan(10_000);
    const [audit] = await auditRows(t.deps, { action: 'duty.check_in', entityId: assignments[0] });
    expect(JSON.parse(audit!.detail!)).toMatchObject({ withPosition: true, checkpointId: cp.id });
    expect(audit!.detail).not.toContain('32.95');
    expect(audit!.detail).not.toContain('114.01');
  });

  it('refuses before the window opens and says when the next shift here is, in the caller’s language', async () => {
    const me = await volunteer('ci-early', '王二');
    const { cp, startsAt, endsAt, assignments } = await post(w.a.community.id, 45, 500, [me.id]);
    const zh = expectError(await me.client.post(`${API}/duty/check-in`, { code: cp.code }), 409, 'DUTY_NOT_HERE');
    expect(zh.message).toContain(`${hhmm(startsAt)}–${hhmm(endsAt)}`);
    expect(zh.message).toContain(`${shanghai(startsAt).getUTCMonth() + 1}月${shanghai(startsAt).getUTCDate()}日`);
    me.client.lang = 'en';
    const en = expectError(await me.client.post(`${API}/duty/check-in`, { code: cp.code }), 409, 'DUTY_NOT_HERE');
    expect(en.message).toContain('Your next shift here');
    expect(en.message).toContain(hhmm(startsAt));
    expect((await row(assignments[0]!)).checkedInAt).toBeNull();
  });

  it('opens as early as the roster says', async () => {
    const me = await volunteer('ci-rules', '王三');
    const { cp } = await post(w.a.community.id, 45, 500, [me.id], { rules: { checkInEarlyMinutes: 60 } });
    expect((await me.client.post(`${API}/duty/check-in`, { code: cp.code })).statusCode).toBe(200);
  });

  it('refuses after the shift, at a checkpoint without a shift of the caller, and on a draft roster', async () => {
    const me = await volunteer('ci-none', '王四');
    const ended = await post(w.a.community.id, -500, -5, [me.id]);
    const none = expectError(await me.client.post(`${API}/duty/check-in`, { code: ended.cp.code }), 409, 'DUTY_NOT_HERE');
    expect(none.message).toContain('近期您在本卡点没有排班');
    const other = await post(w.a.community.id, -10, 500, [(await t.factory.volunteer({ regionId: w.a.grid.id })).id]);
    expectError(await me.client.post(`${API}/duty/check-in`, { code: other.cp.code }), 409, 'DUTY_NOT_HERE');
    const draft = await post(w.a.community.id, -10, 500, [me.id], { status: 'draft' });
    expectError(await me.client.post(`${API}/duty/check-in`, { code: draft.cp.code }), 409, 'DUTY_NOT_HERE');
    expectError(await me.client.post(`${API}/duty/check-in`, { code: 'NOSUCHCODE1' }), 404, 'NOT_FOUND');
    expectError(await me.client.get(`${API}/duty/check-in/NOSUCHCODE1`), 404, 'NOT_FOUND');
    // An account with no volunteer record has nothing to check in to.
    await t.factory.account({ login: 'ci-staff', grants: [{ role: 'team_leader', regionId: w.a.county.id }] });
    const staff = await t.signIn('ci-staff');
    expectError(await staff.post(`${API}/duty/check-in`, { code: other.cp.code }), 409, 'DUTY_NOT_HERE');
    expect((await staff.get(`${API}/duty/me`)).json()).toEqual({ volunteer: null, duties: [], hoursThisWeek: 0, hoursTotal: 0 });
  });

  it('answers a retry with the same key as the first time, and a second check-in without one with 409', async () => {
    const me = await volunteer('ci-retry', '王五');
    const { cp, assignments } = await post(w.a.community.id, -5, 500, [me.id]);
    const headers = { 'idempotency-key': `ci-${newId()}` };
    const first = await me.client.post(`${API}/duty/check-in`, { code: cp.code }, headers);
    const again = await me.client.post(`${API}/duty/check-in`, { code: cp.code }, headers);
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expectError(await me.client.post(`${API}/duty/check-in`, { code: cp.code }), 409, 'DUTY_ALREADY_CHECKED_IN');
    expect(await auditRows(t.deps, { action: 'duty.check_in', entityId: assignments[0] })).toHaveLength(1);
  });

  it('of back-to-back shifts, checks in to the one the person came for', async () => {
    const me = await volunteer('ci-b2b', '王六');
    const cp = await makeCheckpoint(db(), { regionId: w.a.community.id });
    const rosterId = await makeRoster(db(), { regionId: w.a.county.id });
    const first = await makeShift(db(), { rosterId, checkpointId: cp.id, startsAt: inMinutes(-470), endsAt: inMinutes(10) });
    const second = await makeShift(db(), { rosterId, checkpointId: cp.id, startsAt: inMinutes(10), endsAt: inMinutes(490) });
    await assign(db(), { rosterId, shiftId: first, volunteerId: me.id, absentAt: inMinutes(-450) });
    const wanted = await assign(db(), { rosterId, shiftId: second, volunteerId: me.id });
    const res = await me.client.post(`${API}/duty/check-in`, { code: cp.code });
    expect(res.json().assignmentId).toBe(wanted);
  });

  it('validates the body', async () => {
    const me = await volunteer('ci-bad', '王七');
    const bad = expectError(
      await me.client.post(`${API}/duty/check-in`, { code: 'ABCDEF', lat: 91, lng: 200, accuracy: -1 }),
      400,
    );
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['accuracy', 'lat', 'lng']);
  });
});

describe('check-out', () => {
  it('counts the hours inside the windows and records the service in the same write', async () => {
    const me = await volunteer('co-hours', '赵一');
    const { cp, assignments, startsAt } = await post(w.a.community.id, -120, 60, [me.id]);
    // Checked in long before the window opened: only from the opening (start − 30 min) counts.
    await db()
      .updateTable('rosterAssignments')
      .set({ checkedInAt: inMinutes(-300) })
      .where('id', '=', assignments[0]!)
      .execute();
    const res = await me.client.post(`${API}/duty/check-out`, { code: cp.code, lat: 32.9, lng: 114 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ attendance: 'done', hours: 2.5, autoClosed: false, canCheckOut: false });
    const record = await db()
      .selectFrom('serviceRecords')
      .selectAll()
      .where('sourceId', '=', assignments[0]!)
      .executeTakeFirstOrThrow();
    expect(record).toMatchObject({
      volunteerId: me.id,
      kind: 'duty',
      title: `${cp.name} 卡点值守`,
      occurredOn: shanghai(startsAt).toISOString().slice(0, 10),
      createdBy: me.accountId,
    });
    expect(Number(record.hours)).toBe(2.5);
    expectError(await me.client.post(`${API}/duty/check-out`, { code: cp.code }), 409, 'DUTY_NOT_ON_DUTY');
    const served = await me.client.get(`${API}/duty/me`);
    expect(served.json()).toMatchObject({ hoursTotal: 2.5 });
  });

  it('refuses without a check-in, and after the grace', async () => {
    const me = await volunteer('co-none', '赵二');
    const fresh = await post(w.a.community.id, -10, 60, [me.id]);
    expectError(await me.client.post(`${API}/duty/check-out`, { code: fresh.cp.code }), 409, 'DUTY_NOT_ON_DUTY');
    const late = await post(w.a.community.id, -300, -61, [me.id]);
    await db()
      .updateTable('rosterAssignments')
      .set({ checkedInAt: inMinutes(-290) })
      .where('id', '=', late.assignments[0]!)
      .execute();
    expectError(await me.client.post(`${API}/duty/check-out`, { code: late.cp.code }), 409, 'DUTY_NOT_ON_DUTY');
  });
});

describe('the volunteer’s pages', () => {
  it('lists duties from yesterday to two weeks ahead with teammates, swaps and hours', async () => {
    const me = await volunteer('me-page', '孙一');
    const mate = await t.factory.volunteer({ regionId: w.a.grid.id, name: '孙队友' });
    const now = await post(w.a.community.id, -30, 400, [me.id, mate.id]);
    await db()
      .updateTable('rosterAssignments')
      .set({ checkedInAt: inMinutes(-25) })
      .where('id', '=', now.assignments[0]!)
      .execute();
    const tomorrow = await post(w.a.community.id, 24 * 60, 24 * 60 + 480, [me.id]);
    await post(w.a.community.id, 20 * 24 * 60, 20 * 24 * 60 + 480, [me.id]); // too far ahead
    await post(w.a.community.id, 60, 120, [me.id], { status: 'draft' }); // not published
    const old = await post(w.a.community.id, -10 * 24 * 60, -10 * 24 * 60 + 120, [me.id]);
    const recent = await post(w.a.community.id, -180, -60, [me.id]);
    await db()
      .updateTable('rosterAssignments')
      .set({ hours: 2, checkedInAt: old.startsAt, checkedOutAt: old.endsAt })
      .where('id', '=', old.assignments[0]!)
      .execute();
    await db()
      .updateTable('rosterAssignments')
      .set({ hours: 1.5, checkedInAt: recent.startsAt, checkedOutAt: recent.endsAt })
      .where('id', '=', recent.assignments[0]!)
      .execute();
    await db()
      .insertInto('swapRequests')
      .values({
        id: newId(),
        rosterId: tomorrow.rosterId,
        assignmentId: tomorrow.assignments[0]!,
        requesterVolunteerId: me.id,
        targetVolunteerId: mate.id,
        targetAssignmentId: null,
        note: null,
        status: 'pending',
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
        createdAt: nowIso(),
      })
      .execute();

    const page = (await me.client.get(`${API}/duty/me`)).json();
    expect(page.volunteer).toEqual({ id: me.id, name: '孙一' });
    expect(page.duties.map((d: { assignmentId: string }) => d.assignmentId)).toEqual([
      recent.assignments[0],
      now.assignments[0],
      tomorrow.assignments[0],
    ]);
    const [done, onDuty, next] = page.duties;
    expect(done).toMatchObject({ attendance: 'done', hours: 1.5 });
    expect(onDuty).toMatchObject({ attendance: 'on_duty', teammates: ['孙队友'], canCheckOut: true, pendingSwap: false });
    expect(next).toMatchObject({ attendance: 'upcoming', canCheckIn: false, pendingSwap: true, teammates: [] });
    expect(next.checkInOpensAt).toBe(nowIso(new Date(Date.parse(tomorrow.startsAt) - 30 * MINUTE)));
    expect(JSON.stringify(page)).not.toMatch(/1[3-9]\d{9}/); // names only, no mobiles

    // This local week began on Monday 00:00 Asia/Shanghai.
    const local = shanghai(nowIso());
    const monday =
      Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - ((local.getUTCDay() + 6) % 7)) - 8 * 60 * MINUTE;
    expect(page.hoursThisWeek).toBe(Date.parse(recent.startsAt) >= monday ? 1.5 : 0);
    expect(page.hoursTotal).toBe(3.5);
  });

  it('shows the duty at a placard, or the next duty elsewhere', async () => {
    const me = await volunteer('me-placard', '孙二');
    const here = await post(w.a.community.id, -5, 400, [me.id]);
    const page = (await me.client.get(`${API}/duty/check-in/${here.cp.code.toLowerCase()}`)).json();
    expect(page.checkpoint).toMatchObject({ id: here.cp.id, name: here.cp.name, kind: 'estate_gate' });
    expect(page.duty).toMatchObject({ assignmentId: here.assignments[0], attendance: 'due', canCheckIn: true });
    expect(page.nextDuty).toBeNull();

    const elsewhere = await makeCheckpoint(db(), { regionId: w.a.grid.id });
    const later = await post(w.a.community.id, 600, 1000, [me.id]);
    const away = (await me.client.get(`${API}/duty/check-in/${elsewhere.code}`)).json();
    expect(away.duty).toBeNull();
    // The shift going on now is the next one not yet checked in to.
    expect(away.nextDuty.assignmentId).toBe(here.assignments[0]);
    await me.client.post(`${API}/duty/check-in`, { code: here.cp.code });
    const after = (await me.client.get(`${API}/duty/check-in/${elsewhere.code}`)).json();
    expect(after.nextDuty.assignmentId).toBe(later.assignments[0]);
  });
});

describe('duty now', () => {
  it('counts each checkpoint going on now, most short first, by region, within the caller’s scope only', async () => {
    const countyC = await t.factory.region({ parent: w.city });
    const town = await t.factory.region({ parent: countyC });
    const east = await t.factory.region({ parent: town, name: '东社区' });
    const west = await t.factory.region({ parent: town, name: '西社区' });
    const people = async (n: number) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) ids.push((await t.factory.volunteer({ regionId: east.id, name: `值守${i}` })).id);
      return ids;
    };
    const opts = { rosterRegionId: countyC.id };
    const one = await post(east.id, -10, 470, await people(2), { ...opts, required: 2, risk: 4 });
    await db()
      .updateTable('rosterAssignments')
      .set({ checkedInAt: inMinutes(-12) })
      .where('id', '=', one.assignments[0]!)
      .execute();
    const two = await post(west.id, -60, 420, await people(1), { ...opts, required: 3, risk: 1 });
    await db()
      .updateTable('rosterAssignments')
      .set({ absentAt: inMinutes(-40) })
      .where('id', '=', two.assignments[0]!)
      .execute();
    const three = await post(east.id, -100, 380, await people(1), { ...opts, required: 1, risk: 3 });
    await db()
      .updateTable('rosterAssignments')
      .set({ checkedInAt: inMinutes(-100) })
      .where('id', '=', three.assignments[0]!)
      .execute();
    await post(east.id, 24 * 60, 25 * 60, await people(1), opts); // tomorrow
    await post(east.id, -10, 60, await people(1), { ...opts, status: 'draft' });

    await t.factory.account({ login: 'now-c', grants: [{ role: 'region_manager', regionId: countyC.id }] });
    const manager = await t.signIn('now-c');
    const res = await manager.get(`${API}/duty/now?regionId=${town.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items.map((r: { checkpoint: { id: string } }) => r.checkpoint.id)).toEqual([two.cp.id, one.cp.id, three.cp.id]);
    expect(body.total).toBe(3);
    expect(body.totals).toEqual({ checkpoints: 3, required: 6, onDuty: 2, due: 1, absent: 1 });
    expect(body.items[0]).toMatchObject({ required: 3, onDuty: 0, absent: 1, checkpoint: { risk: 1, regionName: '西社区' } });
    expect(body.items[1].shifts[0].people.map((p: { attendance: string }) => p.attendance).sort()).toEqual(['due', 'on_duty']);
    expect(body.items[1].shifts[0].people[0].name).toMatch(/^值守/);
    expect(body.byRegion).toEqual([
      { regionId: west.id, regionName: '西社区', required: 3, onDuty: 0, absent: 1 },
      { regionId: east.id, regionName: '东社区', required: 3, onDuty: 2, absent: 0 },
    ]);

    const short = (await manager.get(`${API}/duty/now?regionId=${town.id}&short=true`)).json();
    expect(short.items.map((r: { checkpoint: { id: string } }) => r.checkpoint.id)).toEqual([two.cp.id, one.cp.id]);
    const paged = (await manager.get(`${API}/duty/now?regionId=${town.id}&limit=1&offset=1`)).json();
    expect(paged.items.map((r: { checkpoint: { id: string } }) => r.checkpoint.id)).toEqual([one.cp.id]);
    expect(paged.total).toBe(3);
    // Without a region: grouped under the parts of the caller's area (here its county's township).
    const mine = (await manager.get(`${API}/duty/now`)).json();
    expect(mine.byRegion).toEqual([{ regionId: town.id, regionName: town.name, required: 6, onDuty: 2, absent: 1 }]);

    await t.factory.account({ login: 'now-a', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
    const other = await t.signIn('now-a');
    expectError(await other.get(`${API}/duty/now?regionId=${countyC.id}`), 404, 'NOT_FOUND');
    const theirs = (await other.get(`${API}/duty/now?limit=200`)).json();
    const listed = theirs.items.map((r: { checkpoint: { id: string } }) => r.checkpoint.id);
    expect(listed).not.toContain(one.cp.id);
    expect(listed).not.toContain(two.cp.id);
  });

  it('streams a check-in to staff of the place, and not to another county', async () => {
    const me = await volunteer('sse-vol', '周一');
    const { cp } = await post(w.a.grid.id, -5, 400, [me.id]);
    await t.factory.account({ login: 'sse-a', grants: [{ role: 'region_manager', regionId: w.a.community.id }] });
    await t.factory.account({ login: 'sse-b', grants: [{ role: 'region_manager', regionId: w.b.county.id }] });
    const a = await openStream(base, (await t.signIn('sse-a')).sessionToken!);
    const b = await openStream(base, (await t.signIn('sse-b')).sessionToken!);
    try {
      expect((await me.client.post(`${API}/duty/check-in`, { code: cp.code })).statusCode).toBe(200);
      const seen = await a.waitFor((es) => es.some((e) => e.type === 'duty.checked_in' && e.data.entityId === cp.id));
      expect(seen.find((e) => e.type === 'duty.checked_in')!.data.entityType).toBe('checkpoint');
      // A later event in county B proves B's stream is live, and it never got A's check-in.
      const bVol = await t.factory.account({ login: 'sse-vol-b', grants: [{ role: 'volunteer', regionId: w.b.grid.id }] });
      const bId = (await t.factory.volunteer({ regionId: w.b.grid.id, accountId: bVol.id })).id;
      const inB = await post(w.b.grid.id, -5, 400, [bId], { rosterRegionId: w.b.county.id });
      await (await t.signIn('sse-vol-b')).post(`${API}/duty/check-in`, { code: inB.cp.code });
      await b.waitFor((es) => es.some((e) => e.data.entityId === inB.cp.id));
      expect(b.events.map((e) => e.data.entityId)).not.toContain(cp.id);
    } finally {
      a.close();
      b.close();
    }
  });
});

describe('the attendance job', () => {
  it('marks absences after the grace and alerts the team leader and the place’s staff, nobody else', async () => {
    const absentee = await volunteer('abs-vol', '吴缺岗');
    const leader = await volunteer('abs-leader', '吴队长');
    const otherLeader = await volunteer('abs-leader2', '吴另队长');
    await team(leader.id, [absentee.id]);
    await team(otherLeader.id, [(await t.factory.volunteer({ regionId: w.a.grid.id })).id]);
    const account = (login: string, role: 'region_manager', regionId: string, status?: 'disabled') =>
      t.factory.account({ login, grants: [{ role, regionId }], ...(status ? { status } : {}) });
    const grid2 = await t.factory.region({ parent: w.a.community });
    const community = await account('abs-community', 'region_manager', w.a.community.id);
    const grid = await account('abs-grid', 'region_manager', w.a.grid.id);
    const strangers = [
      await account('abs-grid2', 'region_manager', grid2.id),
      await account('abs-township', 'region_manager', w.a.township.id),
      await account('abs-off', 'region_manager', w.a.community.id, 'disabled'),
      await account('abs-b', 'region_manager', w.b.community.id),
      { id: otherLeader.accountId },
    ];
    const missed = await post(w.a.grid.id, -20, 460, [absentee.id]);
    const fresh = await post(w.a.grid.id, -5, 475, [absentee.id]);

    expect(await attendance.markAbsences(nowIso())).toBeGreaterThanOrEqual(1);
    expect((await row(missed.assignments[0]!)).absentAt).not.toBeNull();
    expect((await row(fresh.assignments[0]!)).absentAt).toBeNull();
    // Other tests' no-shows in the same place alert the same staff: look at this checkpoint's.
    const about = async (accountId: string) =>
      (await inbox(accountId)).filter((n) => JSON.parse(n.params).checkpoint === missed.cp.name);
    for (const who of [leader.accountId, community.id, grid.id]) {
      const items = await about(who);
      expect(items, who).toHaveLength(1);
      expect(items[0]).toMatchObject({ kind: 'notify.duty.absent', link: `/duty/now?regionId=${w.a.grid.id}` });
      expect(JSON.parse(items[0]!.params)).toMatchObject({ volunteer: '吴缺岗', checkpoint: missed.cp.name });
    }
    for (const s of strangers) expect(await inbox(s.id), s.id).toHaveLength(0);
    expect(await auditRows(t.deps, { action: 'duty.absent', entityId: missed.assignments[0] })).toHaveLength(1);

    // Again: nothing more.
    await attendance.markAbsences(nowIso());
    expect(await about(leader.accountId)).toHaveLength(1);

    const text = (await leader.client.get(`${API}/notifications`)).json().items[0].text;
    expect(text).toContain('吴缺岗');
    expect(text).toContain(missed.cp.name);
    expect(text).toContain(`${hhmm(missed.startsAt)}–${hhmm(missed.endsAt)}`);
    const me = (await absentee.client.get(`${API}/duty/me`)).json();
    expect(me.duties.find((d: { assignmentId: string }) => d.assignmentId === missed.assignments[0]).attendance).toBe('absent');

    // A late arrival still checks in; the absence stays on record, shown as late.
    const late = await absentee.client.post(`${API}/duty/check-in`, { code: missed.cp.code });
    expect(late.json()).toMatchObject({ assignmentId: missed.assignments[0], attendance: 'on_duty' });
    expect((await row(missed.assignments[0]!)).absentAt).not.toBeNull();
    const staff = await t.signIn('abs-community');
    const today = shanghai(nowIso()).toISOString().slice(0, 10);
    const list = (await staff.get(`${API}/duty/absences?regionId=${w.a.community.id}&from=${today}&to=${today}`)).json();
    const entry = list.items.find((a: { assignmentId: string }) => a.assignmentId === missed.assignments[0]);
    expect(entry).toMatchObject({ volunteerId: absentee.id, volunteerName: '吴缺岗', checkpointId: missed.cp.id });
    expect(entry.checkedInAt).not.toBeNull();
    const tomorrow = shanghai(nowIso(new Date(Date.now() + 24 * 60 * MINUTE)))
      .toISOString()
      .slice(0, 10);
    const none = (await staff.get(`${API}/duty/absences?regionId=${w.a.community.id}&from=${tomorrow}`)).json();
    expect(none.items.map((a: { assignmentId: string }) => a.assignmentId)).not.toContain(missed.assignments[0]);
    expectError(await staff.get(`${API}/duty/absences?from=${tomorrow}&to=${today}`), 422, 'VALIDATION');
    expectError(await staff.get(`${API}/duty/absences?regionId=${w.b.county.id}`), 404, 'NOT_FOUND');
  });

  it('closes check-ins left open at the end of the grace, with hours and a service record, once', async () => {
    const me = await volunteer('close-vol', '郑一');
    const { assignments, startsAt, endsAt } = await post(w.a.community.id, -600, -120, [me.id]);
    await db()
      .updateTable('rosterAssignments')
      .set({ checkedInAt: inMinutes(-610) })
      .where('id', '=', assignments[0]!)
      .execute();
    const end = Date.parse(endsAt);
    await attendance.closeShifts(nowIso(new Date(end + 30 * MINUTE)));
    expect((await row(assignments[0]!)).checkedOutAt).toBeNull();
    await attendance.closeShifts(nowIso(new Date(end + 61 * MINUTE)));
    const closed = await row(assignments[0]!);
    expect(closed).toMatchObject({ checkedOutAt: endsAt, autoClosed: 1 });
    expect(Number(closed.hours)).toBe(8.2); // 10 minutes before the start to the end
    await attendance.closeShifts(nowIso());
    const records = await db().selectFrom('serviceRecords').selectAll().where('sourceId', '=', assignments[0]!).execute();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      kind: 'duty',
      createdBy: null,
      occurredOn: shanghai(startsAt).toISOString().slice(0, 10),
    });
    const mine = (await me.client.get(`${API}/duty/me`)).json();
    expect(mine.duties[0]).toMatchObject({ attendance: 'done', autoClosed: true, hours: 8.2 });
  });

  it('removes check-in positions once the retention after the shift has passed, keeping times and hours', async () => {
    const me = await volunteer('forget-vol', '郑三');
    const { assignments, endsAt } = await post(w.a.community.id, -600, -120, [me.id]);
    await db()
      .updateTable('rosterAssignments')
      .set({ checkedInAt: inMinutes(-600), checkInLat: 32.98, checkInLng: 114.02, checkInAccuracy: 12 })
      .where('id', '=', assignments[0]!)
      .execute();
    const days = t.deps.config.positionRetentionDays;
    const end = Date.parse(endsAt);
    expect(await attendance.forgetPositions(nowIso(new Date(end + (days * 24 - 1) * 60 * MINUTE)))).toBe(0);
    expect((await row(assignments[0]!)).checkInLat).toBe(32.98);
    expect(await attendance.forgetPositions(nowIso(new Date(end + (days * 24 + 1) * 60 * MINUTE)))).toBeGreaterThanOrEqual(1);
    expect(await row(assignments[0]!)).toMatchObject({ checkInLat: null, checkInLng: null, checkInAccuracy: null });
    expect((await row(assignments[0]!)).checkedInAt).not.toBeNull();
    const audit = await db().selectFrom('auditLog').select('detail').where('action', '=', 'duty.positions.remove').execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(attendance.jobs.map((j) => j.name)).toContain('duty-forget-positions');
  });

  it('runs every minute through its job definition, with the time it is given', async () => {
    const [job] = attendance.jobs;
    expect(job).toMatchObject({ name: 'duty-attendance', everyMs: 60_000 });
    const me = await volunteer('job-vol', '郑二');
    const { assignments, startsAt } = await post(w.a.community.id, 120, 600, [me.id]);
    const start = Date.parse(startsAt);
    await job!.run(nowIso(new Date(start + 14 * MINUTE)));
    expect((await row(assignments[0]!)).absentAt).toBeNull();
    await job!.run(nowIso(new Date(start + 16 * MINUTE)));
    expect((await row(assignments[0]!)).absentAt).toBe(nowIso(new Date(start + 16 * MINUTE)));
  });
});
