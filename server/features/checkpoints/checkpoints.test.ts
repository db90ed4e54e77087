import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, auditRows, expectError, snapshot } from '../../../test/requests.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { regionsService } from '../regions/regions.service.ts';
import { teamsService } from '../teams/teams.service.ts';
import { unitsService } from '../units/units.service.ts';
import { volunteersService } from '../volunteers/volunteers.service.ts';
import type { Checkpoint } from './checkpoints.schemas.ts';
import { checkpointsService, type CheckpointsService } from './checkpoints.service.ts';

let t: TestApp;
let w: TwoCounties;
let admin: Client;
let managerA: Client;
let managerB: Client;
let leader: Client;
let teamA: { id: string; name: string };
let teamB: { id: string; name: string };
/** Built as app.ts builds it, for the methods the duty feature calls directly. */
let checkpoints: CheckpointsService;

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  await t.factory.account({ login: 'root', grants: [{ role: 'admin', regionId: null }] });
  await t.factory.account({ login: 'manager-a', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  await t.factory.account({ login: 'manager-b', grants: [{ role: 'region_manager', regionId: w.b.county.id }] });
  await t.factory.account({ login: 'leader', grants: [{ role: 'team_leader', regionId: w.a.county.id }] });
  admin = await t.signIn('root');
  managerA = await t.signIn('manager-a');
  managerB = await t.signIn('manager-b');
  leader = await t.signIn('leader');
  teamA = (await admin.post(`${API}/teams`, { name: '甲县突击队', kind: 'shock', regionId: w.a.county.id })).json();
  teamB = (await admin.post(`${API}/teams`, { name: '乙县突击队', kind: 'shock', regionId: w.b.county.id })).json();
  const regions = regionsService(t.deps);
  const volunteers = volunteersService(t.deps, { regions, units: unitsService(t.deps, regions) });
  checkpoints = checkpointsService(t.deps, { regions, teams: teamsService(t.deps, { regions, volunteers }) });
});
afterAll(() => t.close());

const threeShifts = [
  { start: '08:00', end: '16:00', people: 2 },
  { start: '16:00', end: '00:00', people: 2 },
  { start: '00:00', end: '08:00', people: 1 },
];

let n = 0;
const body = (o: Record<string, unknown> = {}) => ({
  name: `雪松小区东门${++n}`,
  kind: 'estate_gate',
  regionId: w.a.grid.id,
  risk: 3,
  hours24: true,
  shiftPattern: threeShifts,
  ...o,
});

async function create(c: Client, o: Record<string, unknown> = {}): Promise<Checkpoint> {
  const res = await c.post(`${API}/checkpoints`, body(o));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('checkpoints', () => {
  it('creates, reads, lists, updates and deletes a checkpoint, auditing each write and publishing events', async () => {
    const created = await create(managerA, {
      name: ' 雪松小区东门 ',
      address: '雪松路 18 号',
      lat: 32.98,
      lng: 114.02,
      teamId: teamA.id,
      note: '夜间需照明',
    });
    expect(created).toEqual({
      id: expect.any(String),
      name: '雪松小区东门',
      kind: 'estate_gate',
      regionId: w.a.grid.id,
      regionName: `${w.a.community.name} ${w.a.grid.name}`,
      address: '雪松路 18 号',
      lat: 32.98,
      lng: 114.02,
      risk: 3,
      hours24: true,
      opensAt: null,
      closesAt: null,
      shiftPattern: threeShifts,
      peoplePerDay: 5,
      teamId: teamA.id,
      teamName: '甲县突击队',
      status: 'active',
      checkInCode: expect.stringMatching(/^[2-9A-HJ-NP-Z]{10}$/),
      note: '夜间需照明',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect((await managerA.get(`${API}/checkpoints/${created.id}`)).json()).toEqual(created);
    expect((await leader.get(`${API}/checkpoints/${created.id}`)).json()).toEqual(created);

    const patched = await managerA.patch(`${API}/checkpoints/${created.id}`, {
      name: '雪松小区南门',
      regionId: w.a.community.id,
      hours24: false,
      opensAt: '06:00',
      closesAt: '22:00',
      shiftPattern: [
        { start: '06:00', end: '14:00', people: 3 },
        { start: '14:00', end: '22:00', people: 3 },
      ],
      teamId: null,
      lat: null,
      lng: null,
      status: 'closed',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      name: '雪松小区南门',
      regionId: w.a.community.id,
      regionName: w.a.community.name,
      hours24: false,
      opensAt: '06:00',
      closesAt: '22:00',
      peoplePerDay: 6,
      teamId: null,
      teamName: null,
      lat: null,
      lng: null,
      status: 'closed',
      // The placard already hangs at the gate: its code never changes.
      checkInCode: created.checkInCode,
    });

    expect((await managerA.delete(`${API}/checkpoints/${created.id}`)).json()).toEqual({ ok: true });
    expectError(await managerA.get(`${API}/checkpoints/${created.id}`), 404, 'NOT_FOUND');

    expect((await auditRows(t.deps, { entityId: created.id })).map((a) => a.action)).toEqual([
      'checkpoint.create',
      'checkpoint.update',
      'checkpoint.delete',
    ]);
    const events = await t.deps.db.db
      .selectFrom('events')
      .select(['type', 'permission', 'regionPath', 'entityType'])
      .where('entityId', '=', created.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual([
      'checkpoint.created',
      'checkpoint.updated',
      'checkpoint.updated',
      'checkpoint.deleted',
    ]);
    for (const e of events) expect(e).toMatchObject({ permission: 'checkpoints.read', entityType: 'checkpoint' });
    expect(events.map((e) => e.regionPath)).toEqual([w.a.grid.path, w.a.community.path, w.a.grid.path, w.a.community.path]);
  });

  it('gives every checkpoint its own check-in code', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 20; i++) codes.add((await create(admin)).checkInCode);
    expect(codes.size).toBe(20);
  });

  it('checks opening hours and shift patterns, with messages in the caller’s language', async () => {
    const before = await snapshot(t.deps);
    const fieldsOf = async (c: Client, o: Record<string, unknown>, status = 422) =>
      expectError(await c.post(`${API}/checkpoints`, body(o)), status).fields;

    expect(await fieldsOf(managerA, { hours24: true, opensAt: '08:00', closesAt: '20:00' })).toEqual({
      opensAt: '24 小时开放的卡点不填开放和关闭时间',
      closesAt: '24 小时开放的卡点不填开放和关闭时间',
    });
    expect(await fieldsOf(managerA, { hours24: false, closesAt: '20:00' })).toEqual({
      opensAt: '非 24 小时开放时须填写开放和关闭时间',
    });
    expect(
      await fieldsOf(managerA, {
        hours24: false,
        opensAt: '08:00',
        closesAt: '20:00',
        shiftPattern: [
          { start: '08:00', end: '14:00', people: 2 },
          { start: '14:00', end: '21:00', people: 2 },
          { start: '08:00', end: '14:00', people: 1 },
        ],
      }),
    ).toEqual({
      'shiftPattern.1': '班次 14:00–21:00 超出开放时间 08:00–20:00',
      'shiftPattern.2': '与第 1 个班次的时间相同；需要更多人请增加该班人数',
    });
    expect(await fieldsOf(managerA, { hours24: false, opensAt: '08:00', closesAt: '08:00' })).toEqual({
      closesAt: '关闭时间不能与开放时间相同；全天开放请选择“24 小时”',
    });
    expect(await fieldsOf(managerA, { lat: 32.9 })).toEqual({ lng: '纬度和经度须同时填写或同时留空' });
    expect(await fieldsOf(managerA, { regionId: w.a.township.id })).toEqual({ regionId: '卡点应设在社区（村）或网格' });
    expect(await fieldsOf(managerA, { teamId: teamB.id })).toEqual({ teamId: '队伍不存在或不在你的管辖范围内' });
    // What the JSON schema catches comes back from the route, worded the same way.
    expect(
      await fieldsOf(managerA, { shiftPattern: [{ start: '24:00', end: '08:00', people: 51 }], risk: 5, lat: 91, lng: 0 }, 400),
    ).toEqual({
      'shiftPattern.0.start': '时间格式应为 HH:MM（00:00–23:59）',
      'shiftPattern.0.people': '不能大于 50',
      risk: '不能大于 4',
      lat: '不能大于 90',
    });
    expect(await fieldsOf(managerA, { shiftPattern: [] }, 400)).toEqual({ shiftPattern: '至少 1 项' });
    expect(await fieldsOf(managerA, { shiftPattern: Array(13).fill(threeShifts[0]) }, 400)).toEqual({
      shiftPattern: '最多 12 项',
    });

    managerA.lang = 'en';
    try {
      expect(
        await fieldsOf(managerA, {
          hours24: false,
          opensAt: '20:00',
          closesAt: '06:00',
          shiftPattern: [{ start: '18:00', end: '02:00', people: 2 }],
          lng: 114,
        }),
      ).toEqual({
        'shiftPattern.0': 'Shift 18:00–02:00 lies outside the opening hours 20:00–06:00',
        lat: 'Give both latitude and longitude, or neither',
      });
      expect(await fieldsOf(managerA, { regionId: w.a.county.id })).toEqual({
        regionId: 'A checkpoint belongs to a community (village) or a grid',
      });
      expect(await fieldsOf(managerA, { shiftPattern: [{ start: '8:00', end: '16:00', people: 0 }] }, 400)).toEqual({
        'shiftPattern.0.start': 'Use HH:MM (00:00–23:59)',
        'shiftPattern.0.people': 'Must be at least 1',
      });
    } finally {
      managerA.lang = 'zh-CN';
    }
    expect(await snapshot(t.deps)).toEqual(before);

    // A window across midnight holds the shifts inside it; a 24-hour shift is a shift of its own.
    const night = await create(managerA, {
      hours24: false,
      opensAt: '20:00',
      closesAt: '06:00',
      shiftPattern: [
        { start: '20:00', end: '02:00', people: 2 },
        { start: '02:00', end: '06:00', people: 1 },
      ],
    });
    expect(night.peoplePerDay).toBe(3);
    const allDay = await create(managerA, {
      kind: 'highway_exit',
      risk: 4,
      shiftPattern: [{ start: '08:00', end: '08:00', people: 4 }],
    });
    expect(allDay.shiftPattern).toEqual([{ start: '08:00', end: '08:00', people: 4 }]);
  });

  it('keeps the rules on a partial update', async () => {
    const cp = await create(managerA, {
      hours24: false,
      opensAt: '06:00',
      closesAt: '22:00',
      shiftPattern: [{ start: '06:00', end: '22:00', people: 2 }],
    });
    const before = await snapshot(t.deps);
    expect(expectError(await managerA.patch(`${API}/checkpoints/${cp.id}`, { closesAt: '20:00' }), 422).fields).toEqual({
      'shiftPattern.0': '班次 06:00–22:00 超出开放时间 06:00–20:00',
    });
    expect(expectError(await managerA.patch(`${API}/checkpoints/${cp.id}`, { lat: 30 }), 422).fields).toEqual({
      lng: '纬度和经度须同时填写或同时留空',
    });
    expect(expectError(await managerA.patch(`${API}/checkpoints/${cp.id}`, { regionId: w.a.township.id }), 422).fields).toEqual({
      regionId: '卡点应设在社区（村）或网格',
    });
    expectError(await managerA.patch(`${API}/checkpoints/${cp.id}`, {}), 400, 'VALIDATION');
    expect(await snapshot(t.deps)).toEqual(before);

    // Turning to 24 hours drops the opening hours; turning back needs them again.
    const allDay = (await managerA.patch(`${API}/checkpoints/${cp.id}`, { hours24: true })).json() as Checkpoint;
    expect(allDay).toMatchObject({ hours24: true, opensAt: null, closesAt: null });
    expect(expectError(await managerA.patch(`${API}/checkpoints/${cp.id}`, { hours24: false }), 422).fields).toEqual({
      opensAt: '非 24 小时开放时须填写开放和关闭时间',
      closesAt: '非 24 小时开放时须填写开放和关闭时间',
    });
    expect(
      expectError(await managerA.patch(`${API}/checkpoints/${cp.id}`, { hours24: true, opensAt: '06:00' }), 422).fields,
    ).toEqual({ opensAt: '24 小时开放的卡点不填开放和关闭时间' });
  });

  it('keeps names unique within a region, on create and on rename', async () => {
    const first = await create(managerA, { name: '人民路卡口' });
    const before = await snapshot(t.deps);
    expectError(await managerA.post(`${API}/checkpoints`, body({ name: '人民路卡口' })), 409, 'CHECKPOINT_NAME_TAKEN');
    const other = await create(managerA, { name: '人民路卡口', regionId: w.a.community.id });
    const second = await create(managerA, { name: '解放路卡口' });
    expect(await snapshot(t.deps)).not.toEqual(before);
    const e = expectError(
      await managerA.patch(`${API}/checkpoints/${second.id}`, { name: '人民路卡口' }),
      409,
      'CHECKPOINT_NAME_TAKEN',
    );
    expect(e.message).toBe('该区划下已有同名卡点');
    expectError(await managerA.patch(`${API}/checkpoints/${other.id}`, { regionId: w.a.grid.id }), 409, 'CHECKPOINT_NAME_TAKEN');
    // Its own name is no conflict.
    expect((await managerA.patch(`${API}/checkpoints/${first.id}`, { name: '人民路卡口', risk: 1 })).statusCode).toBe(200);
  });

  it('keeps other counties out of sight', async () => {
    const mine = await create(managerA);
    const before = await snapshot(t.deps);
    const missing = await managerB.get(`${API}/checkpoints/${crypto.randomUUID()}`);
    for (const res of [
      await managerB.get(`${API}/checkpoints/${mine.id}`),
      await managerB.patch(`${API}/checkpoints/${mine.id}`, { risk: 1 }),
      await managerB.delete(`${API}/checkpoints/${mine.id}`),
      await managerB.post(`${API}/checkpoints`, body()),
      await managerA.patch(`${API}/checkpoints/${mine.id}`, { regionId: w.b.grid.id }),
      await managerA.get(`${API}/checkpoints?regionId=${w.b.county.id}`),
    ]) {
      expectError(res, 404, 'NOT_FOUND');
      expect(res.body).toBe(missing.body);
    }
    // Team leaders and inspectors read checkpoints; they do not set them.
    expectError(await leader.post(`${API}/checkpoints`, body()), 403, 'FORBIDDEN');
    expectError(await leader.patch(`${API}/checkpoints/${mine.id}`, { risk: 1 }), 403, 'FORBIDDEN');
    expect(await snapshot(t.deps)).toEqual(before);
    const theirs = (await managerB.get(`${API}/checkpoints`)).json() as { items: Checkpoint[] };
    expect(theirs.items.map((c) => c.id)).not.toContain(mine.id);
  });

  it('lists with filters, the highest risk first', async () => {
    const township = await t.factory.region({ parent: w.a.county });
    const community = await t.factory.region({ parent: township });
    const grid = await t.factory.region({ parent: community });
    const low = await create(admin, { regionId: community.id, name: '菜市场北口', kind: 'market', risk: 1, address: '东风路' });
    const high = await create(admin, { regionId: grid.id, name: '高速出口', kind: 'highway_exit', risk: 4, teamId: teamA.id });
    const closed = await create(admin, { regionId: grid.id, name: '旧村口', kind: 'village_entrance', risk: 2 });
    await admin.patch(`${API}/checkpoints/${closed.id}`, { status: 'closed' });
    const ids = async (client: Client, query: string) => {
      const res = await client.get(`${API}/checkpoints${query}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { items: Checkpoint[]; total: number };
      return page.items.map((c) => c.id);
    };
    expect(await ids(admin, `?regionId=${township.id}`)).toEqual([high.id, closed.id, low.id]);
    expect(await ids(admin, `?regionId=${township.id}&kind=market`)).toEqual([low.id]);
    expect(await ids(admin, `?regionId=${township.id}&risk=4`)).toEqual([high.id]);
    expect(await ids(admin, `?regionId=${township.id}&status=active`)).toEqual([high.id, low.id]);
    expect(await ids(admin, `?regionId=${township.id}&teamId=${teamA.id}`)).toEqual([high.id]);
    expect(await ids(admin, `?regionId=${township.id}&q=东风`)).toEqual([low.id]);
    expect(await ids(leader, `?regionId=${township.id}&q=高速`)).toEqual([high.id]);
    const page = (await admin.get(`${API}/checkpoints?regionId=${township.id}&limit=1&offset=1`)).json();
    expect(page).toMatchObject({ total: 3, items: [{ id: closed.id }] });
    expectError(await admin.get(`${API}/checkpoints?limit=501`), 400, 'VALIDATION');
  });

  it('creates a checkpoint once for one Idempotency-Key', async () => {
    const b = body();
    const first = await managerA.post(`${API}/checkpoints`, b, { 'idempotency-key': 'checkpoint-once' });
    const again = await managerA.post(`${API}/checkpoints`, b, { 'idempotency-key': 'checkpoint-once' });
    expect(first.statusCode, first.body).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    const rows = await t.deps.db.db.selectFrom('checkpoints').select('id').where('name', '=', b.name).execute();
    expect(rows).toHaveLength(1);
    expectError(await managerA.post(`${API}/checkpoints`, { ...b, risk: 1 }, { 'idempotency-key': 'checkpoint-once' }), 422);
  });

  it('refuses to delete a checkpoint a roster has shifts at, which can be closed instead', async () => {
    const cp = await create(managerA);
    const rosterId = newId();
    const now = nowIso();
    const db = t.deps.db.db;
    await db
      .insertInto('rosters')
      .values({
        id: rosterId,
        regionId: w.a.county.id,
        name: '测试排班',
        startsOn: '2020-02-03',
        endsOn: '2020-02-09',
        status: 'draft',
        version: 0,
        rules: '{}',
        generation: null,
        createdBy: null,
        publishedAt: null,
        publishedBy: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    await db
      .insertInto('rosterShifts')
      .values({
        id: newId(),
        rosterId,
        checkpointId: cp.id,
        startsAt: '2020-02-03T00:00:00.000Z',
        endsAt: '2020-02-03T08:00:00.000Z',
        required: 2,
      })
      .execute();
    const before = await snapshot(t.deps);
    const e = expectError(await managerA.delete(`${API}/checkpoints/${cp.id}`), 409, 'CHECKPOINT_IN_USE');
    expect(e.message).toBe('该卡点已排入 1 个班次，不能删除；不再使用时请改为“已撤除”');
    expect(await snapshot(t.deps)).toEqual(before);
    expect((await managerA.patch(`${API}/checkpoints/${cp.id}`, { status: 'closed' })).json().status).toBe('closed');
  });

  it('serves the duty feature: planning lists, check-in codes and summaries without personal data', async () => {
    const township = await t.factory.region({ parent: w.a.county });
    const community = await t.factory.region({ parent: township });
    const open = await create(admin, {
      regionId: community.id,
      name: '甲',
      lat: 33,
      lng: 114,
      teamId: teamA.id,
      address: '一号',
    });
    const shut = await create(admin, { regionId: community.id, name: '乙' });
    await admin.patch(`${API}/checkpoints/${shut.id}`, { status: 'closed' });
    expect(await checkpoints.forPlanning(township.path)).toEqual([
      {
        id: open.id,
        name: '甲',
        kind: 'estate_gate',
        regionId: community.id,
        regionName: community.name,
        regionPath: community.path,
        risk: 3,
        lat: 33,
        lng: 114,
        teamId: teamA.id,
        shiftPattern: threeShifts,
      },
    ]);
    const summary = {
      id: open.id,
      name: '甲',
      kind: 'estate_gate',
      regionId: community.id,
      regionName: community.name,
      regionPath: community.path,
      risk: 3,
      address: '一号',
      lat: 33,
      lng: 114,
    };
    expect(await checkpoints.byCode(open.checkInCode.toLowerCase())).toEqual(summary);
    expect(await checkpoints.byCode('NOSUCHCODE')).toBeUndefined();
    expect(await checkpoints.summaries([open.id, open.id, crypto.randomUUID()])).toEqual([summary]);
  });
});
