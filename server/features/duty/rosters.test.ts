import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, auditRows, expectError, snapshot, snapshotChanges } from '../../../test/requests.ts';
import { checkRoster, type RosterProblem } from './optimiser/index.ts';
import { buildProblem } from './roster-problem.ts';
import { dutyFixtures, type DutyFixtures } from './rosters.fixtures.ts';
import type {
  AssignmentOut,
  Board,
  Candidate,
  PublishResult,
  RosterChange,
  RosterDetail,
  RosterSummary,
} from './rosters.schemas.ts';

let t: TestApp;
let w: TwoCounties;
let f: DutyFixtures;
let admin: Client;
let managerA: Client;
let managerB: Client;
let inspector: Client;

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  f = dutyFixtures(t);
  await t.factory.account({ login: 'root', grants: [{ role: 'admin', regionId: null }] });
  await t.factory.account({ login: 'manager-a', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  await t.factory.account({ login: 'manager-b', grants: [{ role: 'region_manager', regionId: w.b.county.id }] });
  await t.factory.account({ login: 'inspector', grants: [{ role: 'inspector', regionId: w.a.county.id }] });
  admin = await t.signIn('root');
  managerA = await t.signIn('manager-a');
  managerB = await t.signIn('manager-b');
  inspector = await t.signIn('inspector');
});
afterAll(() => t.close());

/** A fresh community (with a grid) under county A's township: a region no other roster touches. */
async function place() {
  const community = await t.factory.region({ parent: w.a.township });
  const grid = await t.factory.region({ parent: community });
  return { community, grid };
}

async function create(c: Client, body: Record<string, unknown>): Promise<RosterDetail> {
  const res = await c.post(`${API}/rosters`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** The optimiser's problem rebuilt from what the database holds, independently of the service. */
async function storedProblem(
  rosterId: string,
): Promise<{ problem: RosterProblem; assignments: { shiftId: string; volunteerId: string }[] }> {
  const db = t.deps.db.db;
  const roster = await db.selectFrom('rosters').selectAll().where('id', '=', rosterId).executeTakeFirstOrThrow();
  const shifts = await db.selectFrom('rosterShifts').selectAll().where('rosterId', '=', rosterId).execute();
  const assignments = await db
    .selectFrom('rosterAssignments')
    .select(['shiftId', 'volunteerId'])
    .where('rosterId', '=', rosterId)
    .execute();
  const cps = await db
    .selectFrom('checkpoints')
    .innerJoin('regions', 'regions.id', 'checkpoints.regionId')
    .select([
      'checkpoints.id',
      'checkpoints.risk',
      'checkpoints.regionId',
      'regions.path as regionPath',
      'checkpoints.lat',
      'checkpoints.lng',
      'checkpoints.teamId',
    ])
    .where('checkpoints.id', 'in', [...new Set(shifts.map((s) => s.checkpointId))])
    .execute();
  const vols = await db
    .selectFrom('volunteers')
    .innerJoin('regions', 'regions.id', 'volunteers.regionId')
    .select(['volunteers.id', 'regions.path as regionPath', 'volunteers.availability', 'volunteers.status'])
    .execute();
  const problem = buildProblem({
    startsOn: roster.startsOn,
    timeZone: t.deps.config.timeZone,
    rules: JSON.parse(roster.rules),
    shifts: shifts.map((s) => ({ ...s, required: Number(s.required) })),
    checkpoints: cps.map((c) => ({ ...c, risk: Number(c.risk) as 1 })),
    volunteers: vols.map((v) => ({ ...v, availability: JSON.parse(v.availability) })),
    teamIds: new Map(),
  });
  return { problem, assignments };
}

describe('generating a roster', { timeout: 60_000 }, () => {
  it('covers every position of a small region without breaking a rule, audited, with an event', async () => {
    const { community, grid } = await place();
    const gate = await f.checkpoint(community.id, {
      name: '东门',
      risk: 4,
      pattern: [
        { start: '08:00', end: '16:00', people: 1 },
        { start: '16:00', end: '00:00', people: 1 },
        { start: '00:00', end: '08:00', people: 1 },
      ],
    });
    const exit = await f.checkpoint(grid.id, {
      name: '北口',
      risk: 3,
      pattern: [
        { start: '08:00', end: '20:00', people: 1 },
        { start: '20:00', end: '08:00', people: 1 },
      ],
    });
    const market = await f.checkpoint(grid.id, {
      name: '菜场',
      risk: 2,
      lat: 32.98,
      lng: 114.02,
      pattern: [{ start: '08:00', end: '20:00', people: 2 }],
    });
    await f.checkpoint(grid.id, { name: '已关闭', status: 'closed' });
    const volunteers: { id: string; name: string }[] = [];
    for (let i = 0; i < 10; i++) volunteers.push(await f.volunteer(i % 2 ? grid.id : community.id));
    await f.volunteer(grid.id, { status: 'paused' });

    const startsOn = f.day(3);
    const endsOn = f.day(5);
    const roster = await create(managerA, { regionId: community.id, startsOn, endsOn, rules: { maxShiftsPerWeek: 4 } });
    expect(roster).toMatchObject({
      regionId: community.id,
      startsOn,
      endsOn,
      status: 'draft',
      version: 0,
      positions: 3 * (3 + 2 + 2),
      filled: 21,
      coverage: 1,
      checkpointCount: 3,
      pendingSwaps: 0,
      publishedAt: null,
      rules: {
        minRestHours: 8,
        maxShiftsPerWeek: 4,
        maxShiftsPerDay: null,
        checkInEarlyMinutes: 30,
        absentAfterMinutes: 15,
        checkOutGraceMinutes: 60,
      },
      shortage: { uncovered: [], uncoveredTotal: 0, byRegion: [] },
    });
    expect(roster.name).toMatch(/排班$/);
    expect(roster.shortage.byRisk.map((r) => [r.risk, r.positions, r.missing])).toEqual([
      [4, 9, 0],
      [3, 6, 0],
      [2, 6, 0],
      [1, 0, 0],
    ]);
    expect(roster.generation).toMatchObject({
      eligibleVolunteers: 10,
      stoppedBy: expect.any(String),
      generatedAt: expect.any(String),
    });
    expect(roster.volunteerCount).toBeGreaterThanOrEqual(6);

    // Shifts follow the patterns in local time: the 16:00–00:00 slot ends at the next day's midnight.
    const shifts = await t.deps.db.db.selectFrom('rosterShifts').selectAll().where('rosterId', '=', roster.id).execute();
    expect(shifts).toHaveLength(3 * 6);
    expect(
      shifts.filter((s) => s.checkpointId === gate.id).map((s) => (Date.parse(s.endsAt) - Date.parse(s.startsAt)) / 3600_000),
    ).toEqual(Array(9).fill(8));
    expect(shifts.filter((s) => s.checkpointId === exit.id && s.startsAt === f.at(3, '20:00'))[0]?.endsAt).toBe(f.at(4, '08:00'));
    expect(shifts.filter((s) => s.checkpointId === market.id).every((s) => Number(s.required) === 2)).toBe(true);

    const { problem, assignments } = await storedProblem(roster.id);
    expect(assignments).toHaveLength(21);
    expect(checkRoster(problem, assignments)).toEqual([]);
    const perVolunteer = new Map<string, number>();
    for (const a of assignments) perVolunteer.set(a.volunteerId, (perVolunteer.get(a.volunteerId) ?? 0) + 1);
    expect(Math.max(...perVolunteer.values())).toBeLessThanOrEqual(4);
    expect([...perVolunteer.keys()].every((id) => volunteers.some((v) => v.id === id))).toBe(true);

    expect(await auditRows(t.deps, { action: 'roster.create', entityId: roster.id })).toHaveLength(1);
    const event = await t.deps.db.db.selectFrom('events').selectAll().where('entityId', '=', roster.id).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ type: 'roster.created', permission: 'duty.read' });

    const got = await inspector.get(`${API}/rosters/${roster.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(roster);
    const list = (await inspector.get(`${API}/rosters?regionId=${w.a.township.id}`)).json() as {
      items: RosterSummary[];
      total: number;
    };
    expect(list.items.map((r) => r.id)).toContain(roster.id);
    expect(list.items.find((r) => r.id === roster.id)).toMatchObject({ positions: 21, filled: 21, coverage: 1 });
    expect((await managerB.get(`${API}/rosters/${roster.id}`)).statusCode).toBe(404);
    expect(((await managerB.get(`${API}/rosters`)).json() as { items: RosterSummary[] }).items.map((r) => r.id)).not.toContain(
      roster.id,
    );
  });

  it('still comes out when people are too few, listing the shortage by risk and region', async () => {
    const { community, grid } = await place();
    const around = [
      { start: '08:00', end: '20:00', people: 1 },
      { start: '20:00', end: '08:00', people: 1 },
    ];
    const high = await f.checkpoint(grid.id, { name: '高速口', risk: 4, pattern: around });
    await f.checkpoint(community.id, { name: '村口', risk: 2, pattern: around });
    await f.checkpoint(community.id, { name: '小区门', risk: 1, pattern: around });
    await f.volunteer(grid.id);
    await f.volunteer(community.id);
    const roster = await create(admin, { regionId: community.id, startsOn: f.day(3), endsOn: f.day(4) });
    expect(roster.positions).toBe(12);
    // Two people, 12-hour shifts with 8 hours' rest: each serves at most every other shift.
    expect(roster.filled).toBeLessThan(12);
    const risk4 = roster.shortage.byRisk.find((r) => r.risk === 4)!;
    expect(risk4).toEqual({ risk: 4, positions: 4, filled: 4, missing: 0 });
    const missing = roster.shortage.byRisk.reduce((a, r) => a + r.missing, 0);
    expect(missing).toBe(roster.positions - roster.filled);
    expect(roster.shortage.byRegion).toEqual([
      {
        regionId: community.id,
        regionName: community.name,
        missing,
        missingByRisk: { '1': expect.any(Number), '2': expect.any(Number), '3': 0, '4': 0 },
      },
    ]);
    expect(roster.shortage.uncoveredTotal).toBe(missing);
    const risks = roster.shortage.uncovered.map((u) => u.risk);
    expect([...risks].sort((a, b) => b - a)).toEqual(risks);
    expect(
      roster.shortage.uncovered.every((u) => u.checkpointId !== high.id && u.missing === 1 && u.regionName === community.name),
    ).toBe(true);
  });

  it('refuses overlapping rosters of the region, an ancestor or a descendant, and bad regions and dates, writing nothing', async () => {
    const { community, grid } = await place();
    await f.checkpoint(grid.id);
    await f.volunteer(grid.id);
    const first = await create(managerA, { regionId: community.id, startsOn: f.day(10), endsOn: f.day(12), name: '第一周' });
    const empty = await t.factory.region({ parent: w.a.township });
    const before = await snapshot(t.deps);
    for (const body of [
      { regionId: community.id, startsOn: f.day(12), endsOn: f.day(14) },
      { regionId: grid.id, startsOn: f.day(8), endsOn: f.day(10) },
      { regionId: w.a.county.id, startsOn: f.day(11), endsOn: f.day(11) },
    ]) {
      const error = expectError(await managerA.post(`${API}/rosters`, body), 409, 'ROSTER_OVERLAP');
      expect(error.message).toContain('第一周');
    }
    expect(
      expectError(await managerA.post(`${API}/rosters`, { regionId: w.city.id, startsOn: f.day(20), endsOn: f.day(21) }), 404)
        .code,
    ).toBe('NOT_FOUND');
    expect(
      expectError(await admin.post(`${API}/rosters`, { regionId: w.city.id, startsOn: f.day(20), endsOn: f.day(21) }), 422)
        .fields,
    ).toEqual({
      regionId: '排班区划应为县（区）或以下',
    });
    expect(
      expectError(await managerA.post(`${API}/rosters`, { regionId: community.id, startsOn: f.day(-1), endsOn: f.day(1) }), 422)
        .fields,
    ).toHaveProperty('startsOn');
    expect(
      expectError(await managerA.post(`${API}/rosters`, { regionId: community.id, startsOn: f.day(30), endsOn: f.day(29) }), 422)
        .fields,
    ).toHaveProperty('endsOn');
    managerA.lang = 'en';
    expect(
      expectError(await managerA.post(`${API}/rosters`, { regionId: community.id, startsOn: f.day(30), endsOn: f.day(61) }), 422)
        .fields,
    ).toEqual({ endsOn: 'A roster covers at most 31 days' });
    managerA.lang = 'zh-CN';
    expect(
      expectError(await managerA.post(`${API}/rosters`, { regionId: empty.id, startsOn: f.day(3), endsOn: f.day(3) }), 422)
        .fields,
    ).toEqual({
      regionId: '该区划内没有启用中的卡点',
    });
    expect(
      (await managerB.post(`${API}/rosters`, { regionId: community.id, startsOn: f.day(40), endsOn: f.day(41) })).statusCode,
    ).toBe(404);
    expect(
      (await inspector.post(`${API}/rosters`, { regionId: community.id, startsOn: f.day(40), endsOn: f.day(41) })).statusCode,
    ).toBe(403);
    expect(snapshotChanges(before, await snapshot(t.deps))).toEqual({});
    // Next to it in time is fine.
    expect((await create(managerA, { regionId: community.id, startsOn: f.day(13), endsOn: f.day(13) })).id).not.toBe(first.id);
  });

  it('renames, regenerates keeping the planner’s picks, and deletes a draft only', async () => {
    const { community, grid } = await place();
    const cp = await f.checkpoint(grid.id, { pattern: [{ start: '08:00', end: '16:00', people: 2 }] });
    const vols = [await f.volunteer(grid.id), await f.volunteer(grid.id), await f.volunteer(grid.id)];
    const roster = await create(managerA, { regionId: community.id, startsOn: f.day(3), endsOn: f.day(4) });
    const renamed = await managerA.patch(`${API}/rosters/${roster.id}`, { name: ' 二月第一周 ' });
    expect(renamed.json()).toMatchObject({ name: '二月第一周' });

    const board = (await managerA.get(`${API}/rosters/${roster.id}/board`)).json() as Board;
    const shift = board.items[0]!.shifts[0]!;
    const keep = vols.find((v) => !shift.assignments.some((a) => a.volunteerId === v.id))!;
    for (const a of shift.assignments.slice(1))
      expect((await managerA.delete(`${API}/rosters/${roster.id}/assignments/${a.id}`)).statusCode).toBe(200);
    const picked = await managerA.post(`${API}/rosters/${roster.id}/assignments`, { shiftId: shift.id, volunteerId: keep.id });
    expect(picked.statusCode, picked.body).toBe(201);

    // A checkpoint added since generation gets shifts; the planner's pick stays.
    await f.checkpoint(community.id, { risk: 4 });
    const again = await managerA.post(`${API}/rosters/${roster.id}/regenerate`);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ checkpointCount: 2, positions: 2 * 2 + 2 });
    const kept = await t.deps.db.db
      .selectFrom('rosterAssignments')
      .select(['shiftId', 'volunteerId', 'source'])
      .where('rosterId', '=', roster.id)
      .where('source', '=', 'planner')
      .execute();
    expect(kept).toEqual([{ shiftId: shift.id, volunteerId: keep.id, source: 'planner' }]);
    const { problem, assignments } = await storedProblem(roster.id);
    expect(checkRoster(problem, assignments)).toEqual([]);
    expect(problem.shifts.filter((s) => s.checkpointId === cp.id)).toHaveLength(2);

    expect((await managerA.post(`${API}/rosters/${roster.id}/publish`)).statusCode).toBe(200);
    expectError(await managerA.delete(`${API}/rosters/${roster.id}`), 409, 'ROSTER_PUBLISHED');
    expectError(await managerA.post(`${API}/rosters/${roster.id}/regenerate`), 409, 'ROSTER_PUBLISHED');

    const other = await create(managerA, { regionId: community.id, startsOn: f.day(6), endsOn: f.day(6) });
    expect((await managerA.delete(`${API}/rosters/${other.id}`)).json()).toEqual({ ok: true });
    expect((await managerA.get(`${API}/rosters/${other.id}`)).statusCode).toBe(404);
    const left = await t.deps.db.db.selectFrom('rosterShifts').select('id').where('rosterId', '=', other.id).execute();
    expect(left).toEqual([]);
  });
});

describe('the board and hand edits', () => {
  let roster: { id: string; name: string; shiftIds: string[]; assignmentIds: string[][] };
  let gate: { id: string; name: string };
  let lane: { id: string; name: string };
  let busy: { id: string; name: string };
  let free: { id: string; name: string };
  let withAccount: { id: string; name: string; accountId: string };
  let region: Awaited<ReturnType<typeof place>>;

  beforeAll(async () => {
    region = await place();
    gate = await f.checkpoint(region.grid.id, { name: '南门', risk: 4, lat: 32.98, lng: 114.02 });
    lane = await f.checkpoint(region.community.id, { name: '西巷', risk: 2 });
    busy = await f.volunteer(region.grid.id, { name: '王忙' });
    free = await f.volunteer(region.grid.id, { name: '李闲' });
    const account = await t.factory.account({ grants: [{ role: 'volunteer', regionId: region.grid.id }] });
    withAccount = {
      ...(await f.volunteer(region.community.id, { name: '赵有号', accountId: account.id })),
      accountId: account.id,
    };
    roster = await f.roster({
      regionId: region.community.id,
      startsOn: f.day(2),
      endsOn: f.day(3),
      shifts: [
        { checkpointId: gate.id, startsAt: f.at(2, '08:00'), endsAt: f.at(2, '16:00'), required: 2, volunteerIds: [busy.id] },
        { checkpointId: lane.id, startsAt: f.at(2, '12:00'), endsAt: f.at(2, '20:00'), required: 1 },
        { checkpointId: lane.id, startsAt: f.at(2, '20:00'), endsAt: f.at(3, '04:00'), required: 1 },
        {
          checkpointId: gate.id,
          startsAt: f.at(3, '08:00'),
          endsAt: f.at(3, '16:00'),
          required: 1,
          volunteerIds: [withAccount.id],
        },
      ],
    });
  });

  it('shows checkpoints by risk with their shifts and crews, filtered and paged', async () => {
    const res = await inspector.get(`${API}/rosters/${roster.id}/board`);
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json() as Board;
    expect(board.total).toBe(2);
    expect(board.items.map((r) => r.checkpoint.name)).toEqual(['南门', '西巷']);
    expect(board.items[0]!.checkpoint).toMatchObject({
      risk: 4,
      lat: 32.98,
      lng: 114.02,
      regionId: region.grid.id,
      kind: 'estate_gate',
    });
    expect(board.items[0]!.shifts.map((s) => s.startsAt)).toEqual([f.at(2, '08:00'), f.at(3, '08:00')]);
    expect(board.items[0]!.shifts[0]).toMatchObject({
      required: 2,
      started: false,
      assignments: [
        {
          volunteerId: busy.id,
          volunteerName: '王忙',
          source: 'optimiser',
          attendance: 'upcoming',
          checkedInAt: null,
          hours: null,
        },
      ],
    });
    const short = (await inspector.get(`${API}/rosters/${roster.id}/board?short=true&risk=2`)).json() as Board;
    expect(short.items.map((r) => r.checkpoint.id)).toEqual([lane.id]);
    const windowed = (
      await inspector.get(`${API}/rosters/${roster.id}/board?from=${encodeURIComponent(f.at(3, '00:00'))}&limit=1`)
    ).json() as Board;
    expect(windowed.total).toBe(2);
    expect(windowed.items).toHaveLength(1);
    expect(windowed.items[0]!.shifts.map((s) => s.startsAt)).toEqual([f.at(3, '08:00')]);
    const named = (
      await inspector.get(`${API}/rosters/${roster.id}/board?q=${encodeURIComponent('西')}&regionId=${region.community.id}`)
    ).json() as Board;
    expect(named.items.map((r) => r.checkpoint.name)).toEqual(['西巷']);
    expect((await managerB.get(`${API}/rosters/${roster.id}/board`)).statusCode).toBe(404);
  });

  it('ranks candidates: those who break no rule first, then by distance and load, with the rules worded', async () => {
    const res = await managerA.get(`${API}/rosters/${roster.id}/shifts/${roster.shiftIds[1]}/candidates`);
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: Candidate[] }).items;
    // 王忙 is at 南门 08:00–16:00: overlapping the 12:00 shift.
    expect(items.at(-1)).toMatchObject({ volunteerId: busy.id, load: 1 });
    expect(items.at(-1)!.violations).toEqual([{ code: 'overlap', message: expect.stringContaining('南门') }]);
    const clear = items.filter((c) => c.violations.length === 0);
    expect(clear.map((c) => c.volunteerId).sort()).toEqual([free.id, withAccount.id].sort());
    // 赵有号 lives in the checkpoint's community (1.5 km by region); 李闲 in its grid below (also 1.5 km), with no load.
    expect(clear.every((c) => c.distanceKm === 1.5)).toBe(true);
    expect(clear[0]!.volunteerId).toBe(free.id);
    const searched = (
      await managerA.get(`${API}/rosters/${roster.id}/shifts/${roster.shiftIds[1]}/candidates?q=${encodeURIComponent('赵')}`)
    ).json();
    expect(searched.items.map((c: Candidate) => c.name)).toEqual(['赵有号']);
    expect((await inspector.get(`${API}/rosters/${roster.id}/shifts/${roster.shiftIds[1]}/candidates`)).statusCode).toBe(403);
  });

  it('refuses an edit that breaks a rule with the rules worded in the caller’s language, and writes nothing', async () => {
    const before = await snapshot(t.deps);
    const body = { shiftId: roster.shiftIds[1], volunteerId: busy.id };
    let error = expectError(await managerA.post(`${API}/rosters/${roster.id}/assignments`, body), 422, 'ROSTER_RULES');
    expect(error.fields?.volunteerId).toMatch(/与该志愿者在南门的班次（\d+月\d+日 08:00–16:00）时间重叠/);
    managerA.lang = 'en';
    error = expectError(await managerA.post(`${API}/rosters/${roster.id}/assignments`, body), 422, 'ROSTER_RULES');
    expect(error.message).toBe('This assignment breaks the roster rules');
    expect(error.fields?.volunteerId).toMatch(/^Overlaps the volunteer’s shift at 南门 \([A-Z][a-z]{2} \d+ 08:00–16:00\)$/);
    // 20:00 after a shift ending 16:00: four hours' rest where eight are needed.
    error = expectError(
      await managerA.post(`${API}/rosters/${roster.id}/assignments`, { shiftId: roster.shiftIds[2], volunteerId: busy.id }),
      422,
      'ROSTER_RULES',
    );
    expect(error.fields?.volunteerId).toContain('Only 4 h of rest');
    managerA.lang = 'zh-CN';
    // An outsider is not in the pool.
    const outsider = await f.volunteer(w.b.grid.id);
    error = expectError(
      await managerA.post(`${API}/rosters/${roster.id}/assignments`, { shiftId: roster.shiftIds[3], volunteerId: outsider.id }),
      422,
    );
    expect(error.fields?.volunteerId).toBe('该志愿者不在本排班的人员范围内（须为本区划内在岗的志愿者）');
    error = expectError(
      await managerA.post(`${API}/rosters/${roster.id}/assignments`, {
        shiftId: roster.shiftIds[3],
        volunteerId: withAccount.id,
      }),
      422,
    );
    expect(error.fields?.volunteerId).toBe('该志愿者已在此班次中');
    error = expectError(
      await managerA.post(`${API}/rosters/${roster.id}/assignments`, { shiftId: roster.shiftIds[3], volunteerId: free.id }),
      422,
    );
    expect(error.fields?.volunteerId).toBe('此班次只需 1 人，已经排满');
    const paused = await f.volunteer(region.grid.id, { status: 'paused', availability: [] });
    error = expectError(
      await managerA.post(`${API}/rosters/${roster.id}/assignments`, { shiftId: roster.shiftIds[1], volunteerId: paused.id }),
      422,
    );
    expect(error.fields?.volunteerId).toBe('该志愿者不在本排班的人员范围内（须为本区划内在岗的志愿者）');
    // Several rules at once come joined.
    const picky = await f.volunteer(region.grid.id, { availability: [] });
    error = expectError(
      await managerA.post(`${API}/rosters/${roster.id}/assignments`, { shiftId: roster.shiftIds[3], volunteerId: picky.id }),
      422,
    );
    expect(error.fields?.volunteerId).toMatch(
      /^该志愿者未登记这些时段可以服务：周.上午（6–12 时）、周.下午（12–18 时）；此班次只需 1 人，已经排满$/,
    );
    expect(
      (await managerA.post(`${API}/rosters/${roster.id}/assignments`, { ...body, shiftId: crypto.randomUUID() })).statusCode,
    ).toBe(404);
    expect(snapshotChanges(before, await snapshot(t.deps), ['volunteers', 'regions'])).toEqual({});
  });

  it('assigns and removes on a draft without history, and refuses started shifts and attended assignments', async () => {
    const res = await managerA.post(`${API}/rosters/${roster.id}/assignments`, {
      shiftId: roster.shiftIds[1],
      volunteerId: free.id,
      reason: '补位',
    });
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json() as AssignmentOut;
    expect(made).toEqual({
      id: expect.any(String),
      volunteerId: free.id,
      volunteerName: '李闲',
      source: 'planner',
      attendance: 'upcoming',
      checkedInAt: null,
      checkedOutAt: null,
      hours: null,
    });
    expect(((await managerA.get(`${API}/rosters/${roster.id}`)).json() as RosterDetail).version).toBe(0);
    expect(
      (await managerA.delete(`${API}/rosters/${roster.id}/assignments/${made.id}?reason=${encodeURIComponent('调整')}`)).json(),
    ).toEqual({
      ok: true,
    });
    expect(await t.deps.db.db.selectFrom('rosterChanges').select('id').where('rosterId', '=', roster.id).execute()).toEqual([]);
    expect((await managerA.delete(`${API}/rosters/${roster.id}/assignments/${made.id}`)).statusCode).toBe(404);

    const db = t.deps.db.db;
    const spot = await place();
    const standIn = await f.volunteer(spot.grid.id);
    const past = await f.roster({
      regionId: spot.community.id,
      startsOn: f.day(-1),
      endsOn: f.day(0),
      status: 'published',
      shifts: [
        { checkpointId: gate.id, startsAt: f.at(0, '00:00'), endsAt: f.at(1, '23:59'), required: 2, volunteerIds: [busy.id] },
        { checkpointId: gate.id, startsAt: f.at(-1, '00:00'), endsAt: f.at(-1, '08:00'), required: 1, volunteerIds: [] },
      ],
    });
    // A started shift still takes a replacement; who was expected there stays; an ended one is closed.
    const replacement = await managerA.post(`${API}/rosters/${past.id}/assignments`, {
      shiftId: past.shiftIds[0],
      volunteerId: standIn.id,
    });
    expect(replacement.statusCode, replacement.body).toBe(201);
    expectError(
      await managerA.post(`${API}/rosters/${past.id}/assignments`, { shiftId: past.shiftIds[1], volunteerId: standIn.id }),
      409,
      'SHIFT_ENDED',
    );
    expectError(
      await managerA.delete(`${API}/rosters/${past.id}/assignments/${past.assignmentIds[0]![0]}`),
      409,
      'SHIFT_STARTED',
    );
    await db
      .updateTable('rosterAssignments')
      .set({ checkedInAt: new Date().toISOString() })
      .where('id', '=', past.assignmentIds[0]![0]!)
      .execute();
    expectError(
      await managerA.delete(`${API}/rosters/${past.id}/assignments/${past.assignmentIds[0]![0]}`),
      409,
      'ASSIGNMENT_ATTENDED',
    );
    const board = (await managerA.get(`${API}/rosters/${past.id}/board`)).json() as Board;
    expect(board.items[0]!.shifts.find((x) => x.id === past.shiftIds[0])).toMatchObject({
      started: true,
      ended: false,
      assignments: expect.arrayContaining([expect.objectContaining({ attendance: 'on_duty' })]),
    });
  });

  it('gives the last place of a shift to one of two planners acting at once', async () => {
    const spot = await place();
    const cp = await f.checkpoint(spot.grid.id, { name: '抢位门' });
    const [one, two] = [await f.volunteer(spot.grid.id), await f.volunteer(spot.grid.id)];
    const draft = await f.roster({
      regionId: spot.community.id,
      startsOn: f.day(3),
      endsOn: f.day(3),
      shifts: [{ checkpointId: cp.id, startsAt: f.at(3, '08:00'), endsAt: f.at(3, '16:00'), required: 1 }],
    });
    const answers = await Promise.all(
      [one!, two!].map((v) =>
        managerA.post(`${API}/rosters/${draft.id}/assignments`, { shiftId: draft.shiftIds[0], volunteerId: v.id }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 422]);
    const crew = await t.deps.db.db
      .selectFrom('rosterAssignments')
      .select('id')
      .where('shiftId', '=', draft.shiftIds[0]!)
      .execute();
    expect(crew).toHaveLength(1);
  });

  it('publishes once, notifying every assigned volunteer with an account and listing the others', async () => {
    const res = await managerA.post(`${API}/rosters/${roster.id}/publish`);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json() as PublishResult;
    expect(result).toMatchObject({ notified: 1, unreachable: [{ volunteerId: busy.id, name: '王忙' }] });
    expect(result.roster).toMatchObject({
      status: 'published',
      version: 1,
      publishedByName: '测试用户',
      publishedAt: expect.any(String),
    });
    const notes = await t.deps.db.db
      .selectFrom('notifications')
      .selectAll()
      .where('accountId', '=', withAccount.accountId)
      .execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'notify.duty.published', link: '/my-duty' });
    expect(JSON.parse(notes[0]!.params)).toEqual({
      rosterName: roster.name,
      shifts: 1,
      first: expect.stringMatching(/^\d+月\d+日 08:00$/),
    });
    const event = await t.deps.db.db
      .selectFrom('events')
      .selectAll()
      .where('entityId', '=', roster.id)
      .where('type', '=', 'roster.published')
      .executeTakeFirstOrThrow();
    expect(event.permission).toBe('duty.read');
    expectError(await managerA.post(`${API}/rosters/${roster.id}/publish`), 409, 'ROSTER_PUBLISHED');
    expect(
      await t.deps.db.db.selectFrom('notifications').select('id').where('accountId', '=', withAccount.accountId).execute(),
    ).toHaveLength(1);
  });

  it('keeps the history of a published roster: versions, reasons, and word to the volunteer', async () => {
    const added = await managerA.post(`${API}/rosters/${roster.id}/assignments`, {
      shiftId: roster.shiftIds[1],
      volunteerId: withAccount.id,
      reason: '加强力量',
    });
    expect(added.statusCode, added.body).toBe(201);
    const gone = await managerA.delete(
      `${API}/rosters/${roster.id}/assignments/${roster.assignmentIds[0]![0]}?reason=${encodeURIComponent('身体不适')}`,
    );
    expect(gone.statusCode, gone.body).toBe(200);
    const detail = (await managerA.get(`${API}/rosters/${roster.id}`)).json() as RosterDetail;
    expect(detail.version).toBe(3);
    const changes = (await inspector.get(`${API}/rosters/${roster.id}/changes`)).json() as { items: RosterChange[] };
    expect(changes.items).toEqual([
      {
        version: 3,
        at: expect.any(String),
        byName: '测试用户',
        action: 'unassign',
        checkpointName: '南门',
        startsAt: f.at(2, '08:00'),
        endsAt: f.at(2, '16:00'),
        volunteerName: '王忙',
        otherVolunteerName: null,
        reason: '身体不适',
      },
      expect.objectContaining({
        version: 2,
        action: 'assign',
        checkpointName: '西巷',
        volunteerName: '赵有号',
        reason: '加强力量',
      }),
    ]);
    const notes = await t.deps.db.db
      .selectFrom('notifications')
      .select(['kind', 'params'])
      .where('accountId', '=', withAccount.accountId)
      .where('kind', '=', 'notify.duty.assigned')
      .execute();
    expect(notes).toHaveLength(1);
    expect(JSON.parse(notes[0]!.params)).toEqual({
      rosterName: roster.name,
      checkpointName: '西巷',
      time: expect.stringMatching(/12:00–20:00$/),
    });
    expect(detail.shortage.byRisk.find((r) => r.risk === 4)).toEqual({ risk: 4, positions: 3, filled: 1, missing: 2 });
  });

  it('exports the roster and its uncovered positions as a workbook', async () => {
    const res = await inspector.get(`${API}/rosters/${roster.id}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(`roster-${roster.id}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const duties = book.getWorksheet('排班')!;
    expect((duties.getRow(1).values as unknown[]).slice(1)).toEqual([
      '日期',
      '开始',
      '结束',
      '卡点',
      '区划',
      '风险',
      '志愿者',
      '来源',
    ]);
    const rows = duties.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((r) => [r[2], r[4], r[7], r[8]])).toEqual([
      ['12:00', '西巷', '赵有号', '手工调整'],
      ['08:00', '南门', '赵有号', '自动排班'],
    ]);
    const gaps = book.getWorksheet('缺岗')!.getSheetValues().slice(2) as unknown[][];
    expect(gaps.map((r) => [r[4], r[3], r[8]])).toEqual([
      ['南门', '16:00', 2],
      ['西巷', '04:00（次日）', 1],
    ]);
  });
});
