import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, auditRows, expectError, snapshot, snapshotChanges } from '../../../test/requests.ts';
import { addDays, calendarDate, zonedInstant } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { accountsService } from '../accounts/accounts.service.ts';
import { checkpointsService } from '../checkpoints/checkpoints.service.ts';
import { attendanceService, type AttendanceService } from '../duty/attendance.service.ts';
import { assign, inMinutes, makeCheckpoint, makeRoster, makeShift } from '../duty/duty.test-helpers.ts';
import { dutyFixtures } from '../duty/rosters.fixtures.ts';
import { regionsService } from '../regions/regions.service.ts';
import { teamsService } from '../teams/teams.service.ts';
import { unitsService } from '../units/units.service.ts';
import { volunteersService } from '../volunteers/volunteers.service.ts';
import { inspectionGroupsService } from './inspection-groups.service.ts';
import type { Coverage, Inspection, InspectionCrew, InspectionSummary } from './inspections.schemas.ts';
import { inspectionsService, type InspectionsService } from './inspections.service.ts';

let t: TestApp;
let w: TwoCounties;
let attendance: AttendanceService;
let inspections: InspectionsService;
let inspector: Client;
let inspectorId: string;
let inspectorVolunteerId: string;
let n = 0;

const db = () => t.deps.db.db;
const uniq = (p: string) => `${p}${++n}`;
const today = () => calendarDate(t.deps.config.timeZone);
const ratings = { staffing: 4, supplies: 3, registration: 5, attitude: 4 };

/** A volunteer with an account of their own (to be told things) in county A. */
async function volunteerWithAccount(name: string): Promise<{ id: string; accountId: string; login: string }> {
  const login = uniq('vol');
  const account = await t.factory.account({ login, grants: [{ role: 'volunteer', regionId: w.a.grid.id }] });
  const v = await t.factory.volunteer({ regionId: w.a.grid.id, accountId: account.id, name });
  return { id: v.id, accountId: account.id, login };
}

/** A team led by `leaderVolunteerId` with these members. */
async function team(name: string, leaderVolunteerId: string, memberIds: string[]): Promise<string> {
  const fixtures = dutyFixtures(t);
  const id = await fixtures.team(w.a.community.id, { name, leaderVolunteerId });
  for (const volunteerId of memberIds) await fixtures.member(id, volunteerId);
  return id;
}

/** A checkpoint with one published shift from `start` to `end` minutes from now, with these people (and check-ins). */
async function post(
  regionId: string,
  start: number,
  end: number,
  people: { volunteerId: string; checkedInAt?: string }[],
  o: { risk?: number; lat?: number | null; countyId?: string } = {},
) {
  const cp = await makeCheckpoint(db(), { regionId, ...(o.risk ? { risk: o.risk } : {}) });
  if (o.lat !== undefined)
    await db()
      .updateTable('checkpoints')
      .set({ lat: o.lat, lng: o.lat === null ? null : 114 })
      .where('id', '=', cp.id)
      .execute();
  const rosterId = await makeRoster(db(), { regionId: o.countyId ?? w.a.county.id });
  const shiftId = await makeShift(db(), {
    rosterId,
    checkpointId: cp.id,
    startsAt: inMinutes(start),
    endsAt: inMinutes(end),
    required: 3,
  });
  const assignments: string[] = [];
  for (const p of people) assignments.push(await assign(db(), { rosterId, shiftId, ...p }));
  return { cp, rosterId, shiftId, assignments };
}

const assignment = (id: string) =>
  db().selectFrom('rosterAssignments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const inbox = (accountId: string) => db().selectFrom('notifications').selectAll().where('accountId', '=', accountId).execute();
const visit = (client: Client, body: Record<string, unknown>, headers?: Record<string, string>) =>
  client.post(`${API}/inspections`, { ratings, marks: [], ...body }, headers);

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  inspectorId = (
    await t.factory.account({
      login: 'in-inspector',
      name: '纪检员老周',
      grants: [{ role: 'inspector', regionId: w.a.county.id }],
    })
  ).id;
  inspectorVolunteerId = (await t.factory.volunteer({ regionId: w.a.grid.id, accountId: inspectorId, name: '周督查' })).id;
  inspector = await t.signIn('in-inspector');
  const regions = regionsService(t.deps);
  const volunteers = volunteersService(t.deps, { regions, units: unitsService(t.deps, regions) });
  const teams = teamsService(t.deps, { regions, volunteers });
  const checkpoints = checkpointsService(t.deps, { regions, teams });
  attendance = attendanceService(t.deps, { regions, volunteers, teams, checkpoints });
  const groups = inspectionGroupsService(t.deps, { regions, accounts: accountsService(t.deps, regions) });
  inspections = inspectionsService(t.deps, { regions, volunteers, teams, checkpoints, attendance, groups });
});
afterAll(() => t.close());

describe('a visit', () => {
  it('finds a checked-in volunteer absent: absence wins, no hours, and the volunteer, team leader and place are told', async () => {
    const absentee = await volunteerWithAccount('缺岗甲');
    const leader = await volunteerWithAccount('队长乙');
    const present = await t.factory.volunteer({ regionId: w.a.grid.id, name: '在岗丙' });
    const notYet = await t.factory.volunteer({ regionId: w.a.grid.id, name: '未到丁' });
    await team('先锋队一', leader.id, [absentee.id, leader.id]);
    const staff = await t.factory.account({ grants: [{ role: 'region_manager', regionId: w.a.community.id }] });
    const { cp, assignments, shiftId } = await post(w.a.community.id, -60, 60, [
      { volunteerId: absentee.id, checkedInAt: inMinutes(-55) },
      { volunteerId: present.id, checkedInAt: inMinutes(-50) },
      { volunteerId: notYet.id },
    ]);

    const crew = (await inspector.get(`${API}/inspections/checkpoints/${cp.id}/crew`)).json() as InspectionCrew;
    expect(crew.checkpoint).toMatchObject({ id: cp.id, name: cp.name, kind: 'estate_gate' });
    expect(crew.shifts).toEqual([expect.objectContaining({ shiftId, required: 3, assigned: 3 })]);
    expect(crew.crew.map((c) => [c.name, c.attendance])).toEqual([
      ['缺岗甲', 'on_duty'],
      ['未到丁', 'absent'],
      ['在岗丙', 'on_duty'],
    ]);
    expect(crew.crew[0]!.teamNames).toEqual(['先锋队一']);
    expect(crew.lastVisit).toBeNull();

    const res = await visit(inspector, {
      checkpointId: cp.id,
      marks: [
        { assignmentId: assignments[0], mark: 'absent', note: '  岗上无人  ' },
        { assignmentId: assignments[1], mark: 'present' },
        { assignmentId: assignments[2], mark: 'present' },
      ],
      findings: '测温枪电量不足',
    });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json() as Inspection;
    expect(v).toMatchObject({
      checkpointId: cp.id,
      checkpointName: cp.name,
      inspector: { accountId: inspectorId, name: '纪检员老周' },
      ratings,
      findings: '测温枪电量不足',
      expected: 3,
      present: 2,
      absent: 1,
      groupId: null,
    });
    expect(v.marks.find((m) => m.assignmentId === assignments[0])).toMatchObject({
      name: '缺岗甲',
      mark: 'absent',
      note: '岗上无人',
    });
    expect(v.marks[0]!.startsAt).toBe(crew.shifts[0]!.startsAt);

    expect(await assignment(assignments[0]!)).toMatchObject({ absentInspectionId: v.id, absentAt: v.visitedAt });
    // A present mark on someone not checked in only records the mark.
    expect(await assignment(assignments[2]!)).toMatchObject({ absentInspectionId: null, absentAt: null, checkedInAt: null });
    const after = (await inspector.get(`${API}/inspections/checkpoints/${cp.id}/crew`)).json() as InspectionCrew;
    expect(after.crew.find((c) => c.name === '缺岗甲')!.attendance).toBe('absent');
    expect(after.lastVisit).toEqual({ id: v.id, visitedAt: v.visitedAt, inspectorName: '纪检员老周' });
    const now = (await inspector.get(`${API}/duty/now?regionId=${w.a.community.id}`)).json() as {
      items: { checkpoint: { id: string }; onDuty: number; absent: number }[];
    };
    expect(now.items.find((r) => r.checkpoint.id === cp.id)).toMatchObject({ onDuty: 1, absent: 2 });

    for (const accountId of [absentee.accountId, leader.accountId, staff.id]) {
      const notes = await inbox(accountId);
      expect(
        notes.map((x) => x.kind),
        accountId,
      ).toEqual(['notify.inspections.absent']);
      expect(JSON.parse(notes[0]!.params)).toMatchObject({ volunteer: '缺岗甲', checkpoint: cp.name });
    }
    expect((await inbox(absentee.accountId))[0]!.link).toBe('/my-duty');
    expect((await inbox(staff.id))[0]!.link).toBe(`/duty/now?regionId=${w.a.community.id}`);

    const [audit] = await auditRows(t.deps, { action: 'inspection.create', entityId: v.id });
    expect(JSON.parse(audit!.detail!)).toMatchObject({ checkpointId: cp.id, expected: 3, present: 2, absent: 1 });
    expect(audit!.detail).not.toContain('测温枪');
    const [absence] = await auditRows(t.deps, { action: 'duty.absent', entityId: assignments[0] });
    expect(JSON.parse(absence!.detail!)).toMatchObject({ inspectionId: v.id, notified: 3 });
    const service = await db()
      .selectFrom('serviceRecords')
      .selectAll()
      .where('volunteerId', '=', inspectorVolunteerId)
      .where('sourceId', '=', v.id)
      .execute();
    expect(service).toMatchObject([{ kind: 'inspection', title: `${cp.name} 督查`, occurredOn: today() }]);
    const events = await db().selectFrom('events').select(['type', 'permission']).where('entityId', '=', v.id).execute();
    expect(events).toEqual([{ type: 'inspection.created', permission: 'inspections.read' }]);

    // Checking out afterwards counts no hours and records no duty service.
    const me = await t.signIn(absentee.login);
    const out = await me.post(`${API}/duty/check-out`, { code: cp.code });
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json()).toMatchObject({ attendance: 'absent', hours: 0 });
    expect(await db().selectFrom('serviceRecords').selectAll().where('sourceId', '=', assignments[0]!).execute()).toEqual([]);
  });

  it('voids hours the closing job would count, and those already counted at an earlier check-out', async () => {
    const early = await t.factory.volunteer({ regionId: w.a.grid.id });
    const stayed = await t.factory.volunteer({ regionId: w.a.grid.id });
    // Ended past the check-out grace, so the closing job closes what is still open.
    const { cp, assignments } = await post(w.a.community.id, -600, -300, [
      { volunteerId: early.id, checkedInAt: inMinutes(-590) },
      { volunteerId: stayed.id, checkedInAt: inMinutes(-590) },
    ]);
    await db()
      .updateTable('rosterAssignments')
      .set({ checkedOutAt: inMinutes(-500), hours: 1.5 })
      .where('id', '=', assignments[0]!)
      .execute();
    const res = await visit(inspector, {
      checkpointId: cp.id,
      visitedAt: inMinutes(-400),
      marks: [
        { assignmentId: assignments[0], mark: 'absent' },
        { assignmentId: assignments[1], mark: 'absent' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await assignment(assignments[0]!)).toMatchObject({ hours: 0 });
    // The person who left early was not there when looked for.
    const crew = (
      await inspector.get(`${API}/inspections/checkpoints/${cp.id}/crew?at=${encodeURIComponent(inMinutes(-400))}`)
    ).json();
    expect((crew as InspectionCrew).crew.map((c) => c.attendance)).toEqual(['absent', 'absent']);

    expect(await attendance.closeShifts(nowIso())).toBeGreaterThanOrEqual(1);
    expect(await assignment(assignments[1]!)).toMatchObject({ hours: 0, autoClosed: 1 });
    expect(await db().selectFrom('serviceRecords').selectAll().where('sourceId', 'in', assignments).execute()).toEqual([]);
  });

  it('records an offline visit up to a day old against the crew on post then, under one of the inspector’s groups', async () => {
    const gone = await t.factory.volunteer({ regionId: w.a.grid.id, name: '早班戊' });
    const { cp, assignments } = await post(w.a.community.id, -400, -200, [{ volunteerId: gone.id }]);
    const groupId = newId();
    const now = nowIso();
    await db()
      .insertInto('inspectionGroups')
      .values({
        id: groupId,
        name: uniq('联络组'),
        kind: 'liaison',
        regionId: w.a.county.id,
        leaderAccountId: null,
        note: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await db().insertInto('inspectionGroupRegions').values({ groupId, regionId: w.a.township.id }).execute();
    await db().insertInto('inspectionGroupMembers').values({ groupId, accountId: inspectorId, createdAt: now }).execute();

    const at = inMinutes(-300);
    const crew = (
      await inspector.get(`${API}/inspections/checkpoints/${cp.id}/crew?at=${encodeURIComponent(at)}`)
    ).json() as InspectionCrew;
    expect(crew.crew.map((c) => c.assignmentId)).toEqual(assignments);
    expect(crew.groups).toEqual([{ id: groupId, name: expect.any(String) }]);
    expect(((await inspector.get(`${API}/inspections/checkpoints/${cp.id}/crew`)).json() as InspectionCrew).crew).toEqual([]);

    const res = await visit(inspector, {
      checkpointId: cp.id,
      visitedAt: at,
      groupId,
      marks: [{ assignmentId: assignments[0], mark: 'absent' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      groupId,
      groupName: crew.groups[0]!.name,
      visitedAt: new Date(at).toISOString(),
      expected: 1,
    });
    // The group counts its members' visits in its area today: this one among them unless it was yesterday.
    const visitsToday = ((await inspector.get(`${API}/inspection-groups/${groupId}`)).json() as { visitsToday: number })
      .visitsToday;
    if (calendarDate(t.deps.config.timeZone, new Date(at)) === today()) expect(visitsToday).toBeGreaterThanOrEqual(1);
  });

  it('refuses a bad time, marks for people not on post, repeated marks and a group not the caller’s, writing nothing', async () => {
    const someone = await t.factory.volunteer({ regionId: w.a.grid.id });
    const { cp, assignments } = await post(w.a.community.id, -60, 60, [{ volunteerId: someone.id }]);
    const elsewhere = await post(w.a.community.id, -60, 60, [{ volunteerId: someone.id }]);
    const before = await snapshot(t.deps);

    const zh = expectError(
      await visit(inspector, {
        checkpointId: cp.id,
        groupId: newId(),
        marks: [
          { assignmentId: assignments[0], mark: 'present' },
          { assignmentId: assignments[0], mark: 'absent' },
          { assignmentId: elsewhere.assignments[0], mark: 'absent' },
        ],
      }),
      422,
      'VALIDATION',
    );
    expect(zh.fields).toEqual({
      groupId: '只能选择您所在的督查组',
      'marks.1.assignmentId': '同一人员只能标记一次',
      'marks.2.assignmentId': '此人不在该卡点督查时段的班次上',
    });
    expect(expectError(await visit(inspector, { checkpointId: cp.id, visitedAt: inMinutes(10) }), 422).fields).toEqual({
      visitedAt: '督查时间不能晚于现在',
    });
    inspector.lang = 'en';
    expect(expectError(await visit(inspector, { checkpointId: cp.id, visitedAt: inMinutes(-25 * 60) }), 422).fields).toEqual({
      visitedAt: 'Only visits of the last 24 hours can be recorded',
    });
    expect(
      expectError(await visit(inspector, { checkpointId: cp.id, visitedAt: '2016-12-31T23:59:60Z' }), 422).fields,
    ).toHaveProperty('visitedAt');
    inspector.lang = 'zh-CN';
    expectError(await visit(inspector, { checkpointId: newId() }), 404);
    expect(snapshotChanges(before, await snapshot(t.deps))).toEqual({});
    // A phone a minute ahead of the server is still now.
    expect((await visit(inspector, { checkpointId: cp.id, visitedAt: inMinutes(1) })).statusCode).toBe(201);
  });

  it('records one visit for a retried request with the same idempotency key', async () => {
    const v = await volunteerWithAccount('重试己');
    const { cp, assignments } = await post(w.a.community.id, -60, 60, [{ volunteerId: v.id }]);
    const key = { 'idempotency-key': uniq('visit-') };
    const body = { checkpointId: cp.id, marks: [{ assignmentId: assignments[0], mark: 'absent' }] };
    const first = await visit(inspector, body, key);
    const again = await visit(inspector, body, key);
    expect(first.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(await db().selectFrom('inspections').select('id').where('checkpointId', '=', cp.id).execute()).toHaveLength(1);
    expect(await inbox(v.accountId)).toHaveLength(1);
  });

  it('keeps other counties’ checkpoints and visits out of reach', async () => {
    const stranger = await t.factory.volunteer({ regionId: w.b.grid.id });
    const { cp, assignments } = await post(w.b.community.id, -60, 60, [{ volunteerId: stranger.id }], {
      countyId: w.b.county.id,
    });
    expectError(await inspector.get(`${API}/inspections/checkpoints/${cp.id}/crew`), 404);
    expectError(await visit(inspector, { checkpointId: cp.id, marks: [{ assignmentId: assignments[0], mark: 'absent' }] }), 404);
    await t.factory.account({ login: 'in-admin', grants: [{ role: 'admin', regionId: null }] });
    const admin = await t.signIn('in-admin');
    const theirs = (await visit(admin, { checkpointId: cp.id })).json() as Inspection;
    expectError(await inspector.get(`${API}/inspections/${theirs.id}`), 404);
    const list = (await inspector.get(`${API}/inspections?limit=200`)).json() as { items: InspectionSummary[] };
    expect(list.items.map((i) => i.id)).not.toContain(theirs.id);
    await t.factory.account({ login: 'in-volunteer', grants: [{ role: 'volunteer', regionId: w.a.grid.id }] });
    expectError(await (await t.signIn('in-volunteer')).get(`${API}/inspections`), 403);
  });

  it('tells another feature which visits are the caller’s own', async () => {
    const { cp } = await post(w.a.community.id, -60, 60, []);
    const v = (await visit(inspector, { checkpointId: cp.id })).json() as Inspection;
    expect(await inspections.ownVisit(inspectorId, v.id)).toEqual({ checkpointId: cp.id, regionId: w.a.community.id });
    const other = await t.factory.account({ grants: [{ role: 'inspector', regionId: w.a.county.id }] });
    expect(await inspections.ownVisit(other.id, v.id)).toBeNull();
    expect(await inspections.ownVisit(inspectorId, newId())).toBeNull();
  });
});

describe('reading visits', () => {
  it('lists newest first with filters, and shows one with its marks', async () => {
    const v = await t.factory.volunteer({ regionId: w.a.grid.id, name: '列表庚' });
    const { cp, assignments } = await post(w.a.community.id, -60, 60, [{ volunteerId: v.id }]);
    // Half an hour ago, but today (the date filters below): just after midnight, at midnight.
    const midnight = zonedInstant(t.deps.config.timeZone, today(), '00:00');
    const earlier = nowIso(new Date(Math.max(Date.parse(inMinutes(-30)), midnight.getTime())));
    const quiet = (await visit(inspector, { checkpointId: cp.id, visitedAt: earlier })).json() as Inspection;
    const found = (
      await visit(inspector, { checkpointId: cp.id, marks: [{ assignmentId: assignments[0], mark: 'absent' }] })
    ).json() as Inspection;

    const all = (await inspector.get(`${API}/inspections?checkpointId=${cp.id}`)).json() as {
      items: InspectionSummary[];
      total: number;
    };
    expect(all.items.map((i) => i.id)).toEqual([found.id, quiet.id]);
    expect(all.total).toBe(2);
    expect(all.items[0]).not.toHaveProperty('marks');
    expect(all.items[0]).not.toHaveProperty('regionPath');
    const withAbsences = (await inspector.get(`${API}/inspections?checkpointId=${cp.id}&withAbsences=true`)).json();
    expect(withAbsences.items.map((i: InspectionSummary) => i.id)).toEqual([found.id]);
    const yesterday = addDays(today(), -1);
    expect((await inspector.get(`${API}/inspections?checkpointId=${cp.id}&to=${yesterday}`)).json().total).toBe(0);
    expect(
      (await inspector.get(`${API}/inspections?checkpointId=${cp.id}&from=${today()}&to=${today()}&mine=true`)).json().total,
    ).toBe(2);
    expect(expectError(await inspector.get(`${API}/inspections?from=${today()}&to=${yesterday}`), 422).fields).toEqual({
      to: '结束日期不能早于开始日期',
    });
    const page = (await inspector.get(`${API}/inspections?checkpointId=${cp.id}&limit=1&offset=1`)).json();
    expect(page.items.map((i: InspectionSummary) => i.id)).toEqual([quiet.id]);

    const one = (await inspector.get(`${API}/inspections/${found.id}`)).json() as Inspection;
    expect(one.marks).toEqual([
      {
        assignmentId: assignments[0],
        volunteerId: v.id,
        name: '列表庚',
        mark: 'absent',
        note: null,
        startsAt: expect.any(String),
        endsAt: expect.any(String),
      },
    ]);
    expectError(await inspector.get(`${API}/inspections/${newId()}`), 404);
  });
});

describe('coverage', () => {
  it('counts today’s and this week’s visits and who is on post, and plans the round over the unvisited', async () => {
    const township = await t.factory.region({ parent: w.a.county });
    const community = await t.factory.region({ parent: township });
    const on = await t.factory.volunteer({ regionId: w.a.grid.id });
    const off = await t.factory.volunteer({ regionId: w.a.grid.id });
    const visited = await post(
      community.id,
      -60,
      60,
      [{ volunteerId: on.id, checkedInAt: inMinutes(-50) }, { volunteerId: off.id }],
      {
        risk: 4,
        lat: 33.0,
      },
    );
    const near = await post(community.id, -60, 60, [], { risk: 3, lat: 33.01 });
    const far = await post(community.id, -60, 60, [], { risk: 3, lat: 33.1 });
    const top = await post(community.id, -60, 60, [], { risk: 4, lat: 33.2 });
    const nowhere = await post(community.id, -60, 60, [], { risk: 3, lat: null });
    expect((await visit(inspector, { checkpointId: visited.cp.id })).statusCode).toBe(201);

    const res = await inspector.get(`${API}/inspections/coverage?regionId=${township.id}&lat=33.0&lng=114`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as Coverage;
    expect(c.date).toBe(today());
    expect(c.totals).toEqual({ checkpoints: 5, visitedToday: 1, visitedThisWeek: 1 });
    expect(c.checkpoints.map((x) => x.risk)).toEqual([4, 4, 3, 3, 3]);
    expect(c.checkpoints.find((x) => x.id === visited.cp.id)).toMatchObject({
      visitsToday: 1,
      visitsThisWeek: 1,
      lastVisitAt: expect.any(String),
      staffedNow: { required: 3, onDuty: 1 },
    });
    expect(c.checkpoints.find((x) => x.id === near.cp.id)).toMatchObject({ visitsToday: 0, lastVisitAt: null });
    expect(c.route.map((r) => r.checkpointId)).toEqual([top.cp.id, far.cp.id, near.cp.id, nowhere.cp.id]);
    expect(c.route[0]!.legKm).toBeCloseTo(22.24, 1);
    expect(c.route[3]!.legKm).toBeNull();
    expect(c.routeKm).toBeCloseTo(
      c.route.reduce((s, r) => s + (r.legKm ?? 0), 0),
      6,
    );

    expect(expectError(await inspector.get(`${API}/inspections/coverage?lat=33`), 422).fields).toEqual({
      lng: '纬度和经度须同时提供',
    });
    expectError(await inspector.get(`${API}/inspections/coverage?regionId=${w.b.county.id}`), 404);
    // Without a region: the whole area the caller inspects.
    const whole = (await inspector.get(`${API}/inspections/coverage`)).json() as Coverage;
    expect(whole.checkpoints.map((x) => x.id)).toContain(top.cp.id);
  });
});

describe('absence tally', () => {
  it('counts absences found by inspections by volunteer and by current team, within the period and scope', async () => {
    const lax = await t.factory.volunteer({ regionId: w.a.grid.id, name: '常缺辛' });
    const leader = await t.factory.volunteer({ regionId: w.a.grid.id });
    const teamName = uniq('应急队');
    const teamId = await team(teamName, leader.id, [lax.id]);
    for (let i = 0; i < 2; i++) {
      const { cp, assignments } = await post(w.a.community.id, -60, 60, [{ volunteerId: lax.id }]);
      expect(
        (await visit(inspector, { checkpointId: cp.id, marks: [{ assignmentId: assignments[0], mark: 'absent' }] })).statusCode,
      ).toBe(201);
    }
    const res = await inspector.get(
      `${API}/inspections/absences?regionId=${w.a.county.id}&from=${addDays(today(), -6)}&to=${today()}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const tally = res.json();
    expect(tally.byVolunteer.find((v: { volunteerId: string }) => v.volunteerId === lax.id)).toMatchObject({
      name: '常缺辛',
      regionName: expect.stringContaining(w.a.grid.name),
      count: 2,
      lastAt: expect.any(String),
    });
    expect(tally.byTeam.find((x: { teamId: string }) => x.teamId === teamId)).toEqual({ teamId, name: teamName, count: 2 });
    const before = (
      await inspector.get(`${API}/inspections/absences?from=${addDays(today(), -9)}&to=${addDays(today(), -2)}`)
    ).json();
    expect(before.byVolunteer.find((v: { volunteerId: string }) => v.volunteerId === lax.id)).toBeUndefined();

    expect(
      expectError(await inspector.get(`${API}/inspections/absences?from=${addDays(today(), -92)}&to=${today()}`), 422).fields,
    ).toEqual({
      to: '统计期间最长 92 天',
    });
    expect((await inspector.get(`${API}/inspections/absences?from=${addDays(today(), -91)}&to=${today()}`)).statusCode).toBe(200);
    expectError(await inspector.get(`${API}/inspections/absences?from=${today()}&to=${addDays(today(), -1)}`), 422);
    expectError(await inspector.get(`${API}/inspections/absences?regionId=${w.b.county.id}&from=${today()}&to=${today()}`), 404);
  });
});
