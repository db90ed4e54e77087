/**
 * Entries made on a phone offline and sent later (issue 11): every write takes the time made
 * within the shared bounds and keeps the time received beside it; the rules are judged at the
 * made time; what can no longer be applied as made is kept as a conflict, listed and resolved.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, auditRows, expectError, snapshot } from '../../../test/requests.ts';
import { addDays, calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { insertHouseholds } from '../households/households.repository.ts';
import { assign, inMinutes, makeCheckpoint, makeRoster, makeShift } from '../duty/duty.test-helpers.ts';
import { dutyFixtures } from '../duty/rosters.fixtures.ts';
import { dispatchFixtures, TINY_PNG } from '../errands/dispatch.test-helpers.ts';
import { insertCase, insertToken } from '../quarantine/health-reports.matrix.ts';
import { accountsService } from '../accounts/accounts.service.ts';
import { alertsService } from '../quarantine/alerts.service.ts';
import { healthReportsService } from '../quarantine/health-reports.service.ts';
import { residentTokensService } from '../quarantine/resident-tokens.service.ts';
import { regionsService } from '../regions/regions.service.ts';
import { attendanceService } from '../duty/attendance.service.ts';
import { checkpointsService } from '../checkpoints/checkpoints.service.ts';
import { teamsService } from '../teams/teams.service.ts';
import { unitsService } from '../units/units.service.ts';
import { volunteersService } from '../volunteers/volunteers.service.ts';
import { syncService } from './sync.service.ts';

let t: TestApp;
let w: TwoCounties;
const db = () => t.deps.db.db;

/** 2026-03-10, local (Asia/Shanghai, UTC+8) time. */
const DAY = '2026-03-10';
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
const NOW = at(DAY, '08:30');
const near = (iso: string | null | undefined, to: Date | string) =>
  expect(Math.abs(Date.parse(iso ?? '') - new Date(to).getTime())).toBeLessThan(1000);

/** The shift's crew: a volunteer with an account, in a team led by `leader`. */
let leader: { accountId: string; client: Client };
let placeManager: { accountId: string; client: Client };
let doctor: { accountId: string; client: Client };
let managerB: Client;
let teamId: string;

async function volunteer(login: string): Promise<{ id: string; accountId: string; client: Client }> {
  const account = await t.factory.account({ login, grants: [{ role: 'volunteer', regionId: w.a.grid.id }] });
  const v = await t.factory.volunteer({ regionId: w.a.grid.id, accountId: account.id, name: `志愿者${login}` });
  await dutyFixtures(t).member(teamId, v.id);
  return { id: v.id, accountId: account.id, client: await t.signIn(login) };
}

/** A checkpoint of community A with one published shift `start`–`end` minutes from now, held by these volunteers. */
async function post(start: number, end: number, volunteerIds: string[]) {
  const cp = await makeCheckpoint(db(), { regionId: w.a.community.id });
  const rosterId = await makeRoster(db(), { regionId: w.a.county.id });
  const shiftId = await makeShift(db(), { rosterId, checkpointId: cp.id, startsAt: inMinutes(start), endsAt: inMinutes(end) });
  const assignments: string[] = [];
  for (const volunteerId of volunteerIds) assignments.push(await assign(db(), { rosterId, shiftId, volunteerId }));
  return { cp, rosterId, shiftId, assignments };
}

/** The planner took `volunteerId` off the shift `minutesAgo` ago (as rosters.service records it) and put `other` on. */
async function reassign(p: { rosterId: string; shiftId: string }, volunteerId: string, other: string, changedAt: string) {
  await db().deleteFrom('rosterAssignments').where('shiftId', '=', p.shiftId).where('volunteerId', '=', volunteerId).execute();
  await assign(db(), { rosterId: p.rosterId, shiftId: p.shiftId, volunteerId: other });
  await db()
    .insertInto('rosterChanges')
    .values({
      id: newId(),
      rosterId: p.rosterId,
      version: 2,
      at: changedAt,
      byAccountId: null,
      action: 'unassign',
      shiftId: p.shiftId,
      volunteerId,
      otherShiftId: null,
      otherVolunteerId: null,
      reason: '人员调整',
    })
    .execute();
}

const assignment = (id: string) =>
  db().selectFrom('rosterAssignments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const conflictRow = (id: string) =>
  db().selectFrom('offlineConflicts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const inbox = (accountId: string) => db().selectFrom('notifications').selectAll().where('accountId', '=', accountId).execute();

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  t = await createTestApp();
  w = await twoCounties(t.factory);
  const sign = async (login: string, role: 'team_leader' | 'region_manager' | 'medical_observer', regionId: string) => {
    const account = await t.factory.account({ login, grants: [{ role, regionId }] });
    return { accountId: account.id, client: await t.signIn(login) };
  };
  leader = await sign('off-leader', 'team_leader', w.a.community.id);
  const leaderVolunteer = await t.factory.volunteer({ regionId: w.a.grid.id, accountId: leader.accountId, name: '李队长' });
  teamId = await dutyFixtures(t).team(w.a.community.id, { leaderVolunteerId: leaderVolunteer.id });
  placeManager = await sign('off-place', 'region_manager', w.a.community.id);
  doctor = await sign('off-doctor', 'medical_observer', w.a.community.id);
  managerB = (await sign('off-manager-b', 'region_manager', w.b.county.id)).client;
});
beforeEach(() => vi.setSystemTime(NOW));
afterAll(async () => {
  vi.useRealTimers();
  await t.close();
});

describe('the time made', () => {
  it('is refused more than two minutes ahead or older than 48 hours, on every write, in the caller’s language, writing nothing', async () => {
    const me = await volunteer('off-bounds');
    const { cp } = await post(-30, 400, [me.id]);
    const token = await insertToken(db(), await insertCase(db(), { regionId: w.a.grid.id }));
    const ahead = inMinutes(5);
    const old = inMinutes(-49 * 60);
    const someId = newId();
    const writes: [string, Record<string, unknown>, string][] = [
      [`${API}/duty/check-in`, { code: cp.code }, 'at'],
      [`${API}/duty/check-out`, { code: cp.code }, 'at'],
      [`${API}/screening/campaigns/${someId}/visits`, { householdId: someId, outcome: 'not_reached' }, 'visitedAt'],
      [`${API}/h/${token}/reports`, { temperature: 36.5, symptoms: [], feeling: 'good' }, 'madeAt'],
      [`${API}/errands/orders/${someId}/claim`, {}, 'at'],
      [`${API}/errands/orders/${someId}/step`, { to: 'purchasing' }, 'at'],
      [`${API}/errands/orders/${someId}/deliver`, { note: '放门口' }, 'at'],
    ];
    const before = await snapshot(t.deps);
    for (const [url, body, field] of writes) {
      const client = url.includes('/h/') ? t.anonymous() : me.client;
      const future = expectError(await client.post(url, { ...body, [field]: ahead }), 422, 'VALIDATION');
      expect(future.fields, url).toEqual({ [field]: '时间不能晚于现在（请检查手机时间）' });
      const stale = expectError(await client.post(url, { ...body, [field]: old }), 422, 'VALIDATION');
      expect(stale.fields, url).toEqual({ [field]: '只能补交 48 小时以内的记录' });
    }
    me.client.lang = 'en';
    const en = expectError(await me.client.post(`${API}/duty/check-in`, { code: cp.code, at: old }), 422);
    expect(en.fields).toEqual({ at: 'Entries can be sent late by at most 48 hours' });
    expect(await snapshot(t.deps)).toEqual(before);
  });
});

describe('check-in and check-out made offline', () => {
  it('keep the time made as the attendance and the time received beside it', async () => {
    const me = await volunteer('off-times');
    const { cp, assignments } = await post(-60, 420, [me.id]);
    const madeIn = inMinutes(-50);
    const res = await me.client.post(`${API}/duty/check-in`, { code: cp.code, at: madeIn });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ attendance: 'on_duty', canCheckOut: true });
    near((await assignment(assignments[0]!)).checkedInAt, madeIn);
    near((await assignment(assignments[0]!)).checkInReceivedAt, NOW);
    const [audit] = await auditRows(t.deps, { action: 'duty.check_in', entityId: assignments[0] });
    expect(JSON.parse(audit!.detail!)).toMatchObject({ madeAt: madeIn, late: false });

    const madeOut = inMinutes(-5);
    expect((await me.client.post(`${API}/duty/check-out`, { code: cp.code, at: madeOut })).statusCode).toBe(200);
    const done = await assignment(assignments[0]!);
    near(done.checkedOutAt, madeOut);
    near(done.checkOutReceivedAt, NOW);
    // 45 minutes on post, in tenths of an hour.
    expect(Number(done.hours)).toBe(0.8);
  });

  it('accepts a check-in made during a shift that ended before it arrived, at the time made, dropping the job’s absence mark', async () => {
    const me = await volunteer('off-late');
    const { cp, assignments } = await post(-600, -120, [me.id]);
    // The absence job marked the person while the check-in waited on the phone.
    await db()
      .updateTable('rosterAssignments')
      .set({ absentAt: inMinutes(-584) })
      .where('id', '=', assignments[0]!)
      .execute();
    const madeIn = inMinutes(-595);
    const res = await me.client.post(`${API}/duty/check-in`, { code: cp.code, at: madeIn });
    expect(res.statusCode, res.body).toBe(200);
    const row = await assignment(assignments[0]!);
    near(row.checkedInAt, madeIn);
    expect(row.absentAt).toBeNull();
    const madeOut = inMinutes(-121);
    expect((await me.client.post(`${API}/duty/check-out`, { code: cp.code, at: madeOut })).statusCode).toBe(200);
    const done = await assignment(assignments[0]!);
    near(done.checkedOutAt, madeOut);
    expect(Number(done.hours)).toBe(7.9);
    // Sent at once now, the same check-in would be refused: the rules follow the time made.
    const other = await volunteer('off-late2');
    const second = await post(-600, -120, [other.id]);
    expectError(await other.client.post(`${API}/duty/check-in`, { code: second.cp.code }), 409, 'DUTY_NOT_HERE');
  });

  it('a check-out made before the shift closed that arrives after the job closed it replaces the job’s, hours and record included', async () => {
    const me = await volunteer('off-closed');
    const { cp, assignments } = await post(-400, -120, [me.id]);
    expect((await me.client.post(`${API}/duty/check-in`, { code: cp.code, at: inMinutes(-390) })).statusCode).toBe(200);
    const regions = regionsService(t.deps);
    const volunteers = volunteersService(t.deps, { regions, units: unitsService(t.deps, regions) });
    const teams = teamsService(t.deps, { regions, volunteers });
    const attendance = attendanceService(t.deps, {
      regions,
      volunteers,
      teams,
      checkpoints: checkpointsService(t.deps, { regions, teams }),
    });
    await attendance.closeShifts(nowIso());
    expect(await assignment(assignments[0]!)).toMatchObject({ autoClosed: 1 });

    const madeOut = inMinutes(-125);
    const res = await me.client.post(`${API}/duty/check-out`, { code: cp.code, at: madeOut });
    expect(res.statusCode, res.body).toBe(200);
    const done = await assignment(assignments[0]!);
    expect(done.autoClosed).toBe(0);
    near(done.checkedOutAt, madeOut);
    near(done.checkOutReceivedAt, NOW);
    expect(Number(done.hours)).toBe(4.4); // 265 minutes on post, not the job's 270
    const records = await db().selectFrom('serviceRecords').selectAll().where('sourceId', '=', assignments[0]!).execute();
    expect(records.map((r) => Number(r.hours))).toEqual([4.4]);
    const [audit] = await auditRows(t.deps, { action: 'duty.check_out', entityId: assignments[0] });
    expect(JSON.parse(audit!.detail!)).toMatchObject({ replacedAutoClose: true, hours: 4.4 });
    // Only the job's close is replaced, once.
    expectError(await me.client.post(`${API}/duty/check-out`, { code: cp.code, at: inMinutes(-124) }), 409, 'DUTY_NOT_ON_DUTY');
  });

  it('keeps a check-in for a shift reassigned meanwhile as a conflict for the team leader and the place’s staff (202), once', async () => {
    const me = await volunteer('off-moved');
    const other = await volunteer('off-other');
    const p = await post(20, 500, [me.id]);
    const made = inMinutes(-5);
    await reassign(p, me.id, other.id, inMinutes(-2));
    const key = { 'idempotency-key': `off-${newId()}` };
    const res = await me.client.post(`${API}/duty/check-in`, { code: p.cp.code, at: made, lat: 32.9, lng: 114.1 }, key);
    expect(res.statusCode, res.body).toBe(202);
    const answer = res.json().conflict;
    expect(answer).toMatchObject({ id: expect.any(String), kind: 'shift_reassigned' });
    expect(answer.reason).toContain(p.cp.name);
    expect(answer.reason).toContain('已调整给他人');
    const row = await conflictRow(answer.id);
    expect(row).toMatchObject({
      kind: 'shift_reassigned',
      status: 'open',
      regionId: w.a.community.id,
      accountId: me.accountId,
      volunteerId: me.id,
      checkpointId: p.cp.id,
      shiftId: p.shiftId,
      entrySealed: 0,
    });
    near(row.madeAt, made);
    near(row.receivedAt, NOW);
    // Whereabouts stay out of the ledger.
    expect(JSON.parse(row.entry!)).toEqual({ action: 'checkIn', at: made, withPosition: true });
    expect((await inbox(leader.accountId)).map((n) => n.kind)).toContain('notify.sync.conflict');
    expect((await inbox(placeManager.accountId)).map((n) => n.kind)).toContain('notify.sync.conflict');
    expect(await auditRows(t.deps, { action: 'conflict.record', entityId: answer.id })).toHaveLength(1);

    // The phone resends (the answer was lost): the same conflict, not a second one.
    const again = await me.client.post(`${API}/duty/check-in`, { code: p.cp.code, at: made, lat: 32.9, lng: 114.1 }, key);
    expect(again.statusCode).toBe(202);
    expect(again.json().conflict.id).toBe(answer.id);
    expect(await db().selectFrom('offlineConflicts').select('id').where('shiftId', '=', p.shiftId).execute()).toHaveLength(1);

    // Sent at once after the change, the check-in is refused as before: the page shows the change.
    expectError(await me.client.post(`${API}/duty/check-in`, { code: p.cp.code }), 409, 'DUTY_NOT_HERE');

    // A check-out made offline for it is kept too.
    me.client.lang = 'en';
    const out = await me.client.post(`${API}/duty/check-out`, { code: p.cp.code, at: inMinutes(-3) });
    expect(out.statusCode, out.body).toBe(202);
    expect(out.json().conflict.reason).toContain('The check-out made');
  });
});

describe('a health report made offline', () => {
  const reading = { temperature: 37.8, symptoms: ['dry_cough'], feeling: 'unwell', helpRequest: '需要退烧药' };

  async function activeCase() {
    const caseId = await insertCase(db(), {
      regionId: w.a.grid.id,
      medicalObserverId: doctor.accountId,
      gridWorkerId: placeManager.accountId,
      createdAt: nowIso(at(addDays(DAY, -3), '08:00')),
    });
    const token = await insertToken(db(), caseId);
    await db()
      .updateTable('residentTokens')
      .set({ createdAt: nowIso(at(addDays(DAY, -3), '08:00')) })
      .where('caseId', '=', caseId)
      .execute();
    return { caseId, token };
  }

  it('takes its slot and lateness from the time made; reported at that time, created when received', async () => {
    const { caseId, token } = await activeCase();
    const made = at(addDays(DAY, -1), '20:00');
    const res = await t
      .anonymous()
      .post(`${API}/h/${token}/reports`, { ...reading, temperature: 36.6, madeAt: made.toISOString() });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ slotOn: addDays(DAY, -1), slot: 'evening', late: false });
    const row = await db().selectFrom('healthReports').selectAll().where('caseId', '=', caseId).executeTakeFirstOrThrow();
    near(row.reportedAt, made);
    near(row.createdAt, NOW);
  });

  it('made in its window and received after the missed-slot scan: the scan’s alert closes itself, saying why', async () => {
    const { caseId, token } = await activeCase();
    const regions = regionsService(t.deps);
    const alerts = alertsService(t.deps, { regions, accounts: accountsService(t.deps, regions) });
    const health = healthReportsService(t.deps, { tokens: residentTokensService(t.deps), alerts });
    await health.scanMissed(NOW);
    const missed = (slot: 'morning' | 'evening') =>
      db()
        .selectFrom('alerts')
        .selectAll()
        .where('caseId', '=', caseId)
        .where('kind', '=', 'missed_slot')
        .where('slotOn', '=', addDays(DAY, -1))
        .where('slot', '=', slot)
        .executeTakeFirstOrThrow();
    expect((await missed('evening')).status).toBe('open');

    const made = at(addDays(DAY, -1), '20:00');
    const res = await t
      .anonymous()
      .post(`${API}/h/${token}/reports`, { ...reading, temperature: 36.6, madeAt: made.toISOString() });
    expect(res.json()).toMatchObject({ slot: 'evening', late: false });
    const closed = await missed('evening');
    expect(closed).toMatchObject({ status: 'closed', closedBy: null });
    expect(closed.outcome).toContain('时限内');
    const [audit] = await auditRows(t.deps, { action: 'alert.close', entityId: closed.id });
    expect(JSON.parse(audit!.detail!)).toMatchObject({ kind: 'missed_slot', automatic: true });
    // The morning it did miss stays with the grid worker.
    expect((await missed('morning')).status).toBe('open');
  });

  it('made before the case was released and received after: kept sealed as a conflict for its doctor (202); made after: refused', async () => {
    const { caseId, token } = await activeCase();
    const made = at(DAY, '08:10');
    // Released at 08:20: the case closes and its link ends.
    await db().updateTable('isolationCases').set({ status: 'released', closedOn: DAY }).where('id', '=', caseId).execute();
    await db()
      .updateTable('residentTokens')
      .set({ revokedAt: nowIso(at(DAY, '08:20')) })
      .where('caseId', '=', caseId)
      .execute();
    const res = await t.anonymous().post(`${API}/h/${token}/reports`, { ...reading, madeAt: made.toISOString() });
    expect(res.statusCode, res.body).toBe(202);
    const answer = res.json().conflict;
    expect(answer).toMatchObject({ kind: 'case_released' });
    expect(answer.reason).toContain('3月10日 08:10');
    expect(answer.reason).toContain('3月10日 08:20');
    const row = await conflictRow(answer.id);
    expect(row).toMatchObject({ kind: 'case_released', caseId, accountId: null, regionId: w.a.grid.id, entrySealed: 1 });
    // Health data is sealed at rest.
    expect(row.entry).not.toContain('37.8');
    expect(row.entry).not.toContain('退烧药');
    expect(await db().selectFrom('healthReports').select('id').where('caseId', '=', caseId).execute()).toHaveLength(0);
    expect((await inbox(doctor.accountId)).map((n) => n.kind)).toContain('notify.sync.conflict');

    const listed = (await doctor.client.get(`${API}/sync/conflicts?kind=case_released`)).json();
    const mine = listed.items.find((c: { id: string }) => c.id === answer.id);
    expect(mine).toMatchObject({
      kind: 'case_released',
      status: 'open',
      madeBy: null,
      case: { id: caseId, personName: '张**' },
      entry: { temperature: 37.8, symptoms: ['dry_cough'], feeling: 'unwell', helpRequest: '需要退烧药', fever: true },
    });
    expect(JSON.stringify(listed)).not.toContain('张小明');

    // A report made after the release is refused, as any report through a dead link.
    expectError(
      await t.anonymous().post(`${API}/h/${token}/reports`, { ...reading, madeAt: at(DAY, '08:25').toISOString() }),
      404,
      'HEALTH_LINK_INVALID',
    );
  });
});

describe('a screening visit made offline', () => {
  it('keeps the visit time and the time received; an older visit arriving late does not replace the newer one', async () => {
    await t.factory.account({ login: 'off-planner', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
    const planner = await t.signIn('off-planner');
    const today = calendarDate(t.deps.config.timeZone);
    const created = await planner.post(`${API}/screening/campaigns`, {
      name: '离线排查',
      regionId: w.a.community.id,
      startsOn: addDays(today, -1),
      endsOn: addDays(today, 3),
    });
    expect(created.statusCode, created.body).toBe(201);
    const campaignId = created.json().id as string;
    const householdId = newId();
    await insertHouseholds(
      db(),
      [
        {
          id: householdId,
          regionId: w.a.grid.id,
          building: '9',
          unit: '1',
          room: '101',
          address: '雪松路 9-1-101',
          housing: 'owner',
          note: null,
        },
      ],
      nowIso(),
    );
    const visit = (visitedAt: string, residentsPresent: number) =>
      planner.post(`${API}/screening/campaigns/${campaignId}/visits`, {
        householdId,
        outcome: 'reached',
        residentsPresent,
        feverCount: 0,
        symptoms: false,
        riskReturn: false,
        outsiders: 0,
        visitedAt,
      });
    const newer = await visit(inMinutes(-60), 3);
    expect(newer.statusCode, newer.body).toBe(201);
    const older = await visit(inMinutes(-180), 2);
    expect(older.statusCode, older.body).toBe(201);
    const rows = await db().selectFrom('screeningVisits').selectAll().where('householdId', '=', householdId).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const n = byId.get(newer.json().id)!;
    const o = byId.get(older.json().id)!;
    near(o.visitedAt, inMinutes(-180));
    near(o.createdAt, NOW);
    expect([Number(n.latest), Number(o.latest)]).toEqual([1, 0]);
    const tally = await db().selectFrom('screeningTallies').selectAll().where('campaignId', '=', campaignId).execute();
    expect(tally.reduce((s, r) => s + Number(r.reached), 0)).toBe(1);
  });
});

describe('errand steps made offline', () => {
  it('put the made time on the order and its steps, the received time on the steps, never before the step before', async () => {
    const fx = dispatchFixtures(t);
    const ann = await fx.crew(w.a.grid.id);
    const { id: postId } = await fx.post({ regionId: w.a.grid.id, members: [ann.volunteerId] });
    const { id } = await fx.order({ regionId: w.a.grid.id, postId, createdAt: inMinutes(-120) });
    const url = (what: string) => `${API}/errands/orders/${id}/${what}`;
    expect((await ann.client.post(url('claim'), { at: inMinutes(-60) })).statusCode).toBe(200);
    // A phone clock behind the claim's: the step keeps the order's timeline in order.
    expect((await ann.client.post(url('step'), { to: 'purchasing', at: inMinutes(-90) })).statusCode).toBe(200);
    expect((await ann.client.post(url('step'), { to: 'delivering', at: inMinutes(-30) })).statusCode).toBe(200);
    const delivered = await ann.client.post(url('deliver'), { note: '挂门把手上，已电话告知', at: inMinutes(-20) });
    expect(delivered.statusCode, delivered.body).toBe(200);
    const order = await db().selectFrom('errandOrders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    near(order.claimedAt, inMinutes(-60));
    near(order.purchasingAt, inMinutes(-60));
    near(order.deliveringAt, inMinutes(-30));
    near(order.deliveredAt, inMinutes(-20));
    const steps = await db().selectFrom('errandOrderEvents').selectAll().where('orderId', '=', id).orderBy('at').execute();
    const claimed = steps.find((s) => s.kind === 'claimed')!;
    near(claimed.at, inMinutes(-60));
    near(claimed.receivedAt, NOW);
    const record = await db()
      .selectFrom('serviceRecords')
      .selectAll()
      .where('sourceId', '=', id)
      .where('kind', '=', 'errand')
      .executeTakeFirstOrThrow();
    // Claimed to delivered: 40 minutes.
    expect(Number(record.hours)).toBe(0.67);
  });

  it('a delivery photo taken offline: dated when taken, sent again with its key, recorded once with one file', async () => {
    const fx = dispatchFixtures(t);
    const ann = await fx.crew(w.a.grid.id);
    const { id: postId } = await fx.post({ regionId: w.a.grid.id, members: [ann.volunteerId] });
    const { id } = await fx.order({
      regionId: w.a.grid.id,
      postId,
      status: 'delivering',
      claimedBy: ann.volunteerId,
      createdAt: inMinutes(-120),
    });
    const photoUrl = (at: string) =>
      `${API}/errands/orders/${id}/deliver-photo?note=${encodeURIComponent('放在门口')}&at=${encodeURIComponent(at)}`;
    const files = async () => (await db().selectFrom('storedFiles').select('id').execute()).length;
    const before = await files();
    const tooOld = await ann.client.post(photoUrl(inMinutes(-49 * 60)), TINY_PNG, { 'content-type': 'image/png' });
    expectError(tooOld, 422, 'VALIDATION');
    expect(tooOld.json().error.fields).toHaveProperty('at');
    expect(await files()).toBe(before);

    const key = newId();
    const headers = { 'content-type': 'image/png', 'idempotency-key': key };
    const first = await ann.client.post(photoUrl(inMinutes(-25)), TINY_PNG, headers);
    expect(first.statusCode, first.body).toBe(200);
    // The answer was lost on the way: the phone sends the same entry again.
    const again = await ann.client.post(photoUrl(inMinutes(-25)), TINY_PNG, headers);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());

    const order = await db().selectFrom('errandOrders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(order).toMatchObject({ status: 'delivered', proofNote: '放在门口' });
    near(order.deliveredAt, inMinutes(-25));
    expect(await files()).toBe(before + 1);
    const steps = await db()
      .selectFrom('errandOrderEvents')
      .selectAll()
      .where('orderId', '=', id)
      .where('kind', '=', 'delivered')
      .execute();
    expect(steps).toHaveLength(1);
    near(steps[0]!.at, inMinutes(-25));
    near(steps[0]!.receivedAt, NOW);
  });
});

describe('the conflict ledger', () => {
  let foreign: string;

  beforeAll(async () => {
    foreign = newId();
    await db()
      .insertInto('offlineConflicts')
      .values({
        id: foreign,
        kind: 'shift_reassigned',
        reason: 'sync.reason.checkInReassigned',
        reasonParams: JSON.stringify({ made: '3月10日 07:55', checkpoint: '乙县卡点', time: '3月10日 08:00–16:00' }),
        regionId: w.b.community.id,
        accountId: null,
        volunteerId: null,
        checkpointId: null,
        shiftId: null,
        caseId: null,
        entry: null,
        entrySealed: 0,
        madeAt: nowIso(),
        receivedAt: nowIso(),
        status: 'open',
        resolvedBy: null,
        resolvedAt: null,
        resolutionNote: null,
      })
      .execute();
  });

  const ids = (res: { json(): { items: { id: string; kind: string }[] } }) => res.json().items;

  it('lists each kind to those who settle it, in their regions only, with filters', async () => {
    const byLeader = ids(await leader.client.get(`${API}/sync/conflicts`));
    expect(byLeader.length).toBeGreaterThan(0);
    expect(byLeader.every((c) => c.kind === 'shift_reassigned')).toBe(true);
    expect(byLeader.map((c) => c.id)).not.toContain(foreign);
    const byDoctor = ids(await doctor.client.get(`${API}/sync/conflicts`));
    expect(byDoctor.length).toBeGreaterThan(0);
    expect(byDoctor.every((c) => c.kind === 'case_released')).toBe(true);
    const byPlace = ids(await placeManager.client.get(`${API}/sync/conflicts`));
    expect(new Set(byPlace.map((c) => c.kind))).toEqual(new Set(['shift_reassigned', 'case_released']));
    expect(ids(await managerB.get(`${API}/sync/conflicts`)).map((c) => c.id)).toEqual([foreign]);

    const res = await placeManager.client.get(`${API}/sync/conflicts?kind=case_released&status=open&limit=1`);
    expect(res.json().total).toBe(byPlace.filter((c) => c.kind === 'case_released').length);
    expect(res.json().items).toHaveLength(1);
    expect(ids(await placeManager.client.get(`${API}/sync/conflicts?regionId=${w.a.grid.id}`)).map((c) => c.kind)).toEqual(
      byPlace.filter((c) => c.kind === 'case_released').map((c) => c.kind),
    );
    expectError(await leader.client.get(`${API}/sync/conflicts?regionId=${w.b.community.id}`), 404);
    expectError(await leader.client.get(`${API}/sync/conflicts?kind=other`), 400);
  });

  it('resolves with a note, audited and published; once; only by those who settle that kind there', async () => {
    const [open] = ids(await leader.client.get(`${API}/sync/conflicts?status=open`));
    const url = `${API}/sync/conflicts/${open!.id}/resolve`;
    expectError(await leader.client.post(url, {}), 400);
    expectError(await doctor.client.post(url, { note: '已核实' }), 403);
    expectError(await managerB.post(url, { note: '已核实' }), 404);
    expectError(await managerB.post(`${API}/sync/conflicts/${newId()}/resolve`, { note: '已核实' }), 404);

    const res = await leader.client.post(url, { note: '人已到岗，补记工时' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: open!.id,
      status: 'resolved',
      resolvedBy: { accountId: leader.accountId },
      resolutionNote: '人已到岗，补记工时',
    });
    const [audit] = await auditRows(t.deps, { action: 'conflict.resolve', entityId: open!.id });
    expect(JSON.parse(audit!.detail!)).toMatchObject({ kind: 'shift_reassigned', note: '人已到岗，补记工时' });
    const event = await db()
      .selectFrom('events')
      .selectAll()
      .where('entityId', '=', open!.id)
      .where('type', '=', 'conflict.resolved')
      .execute();
    expect(event).toHaveLength(1);
    expectError(await leader.client.post(url, { note: '再次处理' }), 409, 'CONFLICT_RESOLVED');
    expect(ids(await leader.client.get(`${API}/sync/conflicts?status=open`)).map((c) => c.id)).not.toContain(open!.id);
  });

  it('forgets the health data of resolved case conflicts after the retention period', async () => {
    const [kept] = ids(await doctor.client.get(`${API}/sync/conflicts?status=open`));
    expect((await doctor.client.post(`${API}/sync/conflicts/${kept!.id}/resolve`, { note: '已电话随访' })).statusCode).toBe(200);
    const later = new Date(NOW.getTime() + (t.deps.config.healthRetentionDays + 1) * 86_400_000);
    const sync = syncService(t.deps);
    expect(await sync.forgetEntries(nowIso(later))).toBeGreaterThan(0);
    expect((await conflictRow(kept!.id)).entry).toBeNull();
    expect(await auditRows(t.deps, { action: 'conflicts.forget' })).toHaveLength(1);
  });
});
