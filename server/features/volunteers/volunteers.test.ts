import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { testIdNumber, withWrongCheckDigit } from '../../../test/identity.ts';
import { API, auditRows, expectError, snapshot } from '../../../test/requests.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { sealIdNumber } from '../../platform/pii/identity.ts';
import { regionsService } from '../regions/regions.service.ts';
import { unitsService } from '../units/units.service.ts';
import { volunteersService, type VolunteersService } from './volunteers.service.ts';

let t: TestApp;
let w: TwoCounties;
let admin: Client;
let managerA: Client;
let managerB: Client;
let inspectorA: Client;
let service: VolunteersService;

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  await t.factory.account({ login: 'root', grants: [{ role: 'admin', regionId: null }] });
  await t.factory.account({ login: 'mgr-a', name: '甲县管理员', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  await t.factory.account({ login: 'mgr-b', grants: [{ role: 'region_manager', regionId: w.b.county.id }] });
  await t.factory.account({ login: 'insp-a', grants: [{ role: 'inspector', regionId: w.a.county.id }] });
  admin = await t.signIn('root');
  managerA = await t.signIn('mgr-a');
  managerB = await t.signIn('mgr-b');
  inspectorA = await t.signIn('insp-a');
  const regions = regionsService(t.deps);
  service = volunteersService(t.deps, { regions, units: unitsService(t.deps, regions) });
});
afterAll(() => t.close());

interface Volunteer {
  id: string;
  name: string;
  gender: string;
  mobile: string;
  idNumber: string;
  partyMember: boolean;
  partyBranch: string | null;
  unitId: string | null;
  unitName: string | null;
  regionId: string;
  regionName: string;
  homeAddress: string;
  skills: string[];
  availability: { weekday: number; band: string }[];
  status: string;
  statusReason: string | null;
  statusSince: string;
  accountLogin: string | null;
  statusHistory: { status: string; reason: string | null; effectiveOn: string; byName: string | null }[];
}

let mobileSeq = 0;
const person = (o: Record<string, unknown> = {}) => ({
  name: '李四',
  gender: 'male',
  idNumber: testIdNumber(),
  mobile: `1371000${String(++mobileSeq).padStart(4, '0')}`,
  partyMember: true,
  partyBranch: '第一党支部',
  homeAddress: '驿城区解放路 8 号',
  regionId: w.a.grid.id,
  skills: ['driving', 'medical'],
  availability: [
    { weekday: 1, band: 'morning' },
    { weekday: 6, band: 'night' },
  ],
  ...o,
});

async function create(c: Client, body: Record<string, unknown>, headers?: Record<string, string>): Promise<Volunteer> {
  const res = await c.post(`${API}/volunteers`, body, headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const ids = (res: { json(): unknown }) => (res.json() as { items: { id: string }[] }).items.map((v) => v.id).sort();

describe('volunteer registry: create, read, update', () => {
  it('registers a volunteer with masked personal data, audited', async () => {
    const unit = await t.factory.unit({ regionId: w.a.county.id, name: '甲县卫健委' });
    const body = person({ unitId: unit.id, unitName: '被忽略' });
    const v = await create(managerA, body);
    expect(v).toMatchObject({
      name: '李四',
      gender: 'male',
      mobile: `${body.mobile.slice(0, 3)}****${body.mobile.slice(-4)}`,
      idNumber: `${body.idNumber.slice(0, 6)}********${body.idNumber.slice(-4)}`,
      partyMember: true,
      partyBranch: '第一党支部',
      unitId: unit.id,
      unitName: '甲县卫健委',
      regionId: w.a.grid.id,
      regionName: `${w.a.community.name} ${w.a.grid.name}`,
      skills: ['driving', 'medical'],
      status: 'active',
      accountLogin: null,
      statusHistory: [],
    });
    expect(JSON.stringify(v)).not.toContain(body.idNumber);
    expect(JSON.stringify(v)).not.toContain(body.mobile);
    expect((await managerA.get(`${API}/volunteers/${v.id}`)).json()).toEqual(v);
    const [audit] = await auditRows(t.deps, { entityId: v.id, action: 'volunteer.create' });
    expect(audit?.actorLogin).toBe('mgr-a');
    expect(audit?.detail ?? '').not.toContain(body.idNumber);
  });

  it('refuses a second volunteer with the same ID number (409) and writes nothing', async () => {
    const body = person();
    await create(managerA, body);
    const before = await snapshot(t.deps);
    const lower = { ...body, idNumber: body.idNumber.toLowerCase(), mobile: '13912340000' };
    expectError(await managerA.post(`${API}/volunteers`, lower), 409, 'VOLUNTEER_DUPLICATE');
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('checks the ID number, the home region and the unit', async () => {
    const bad = person({ idNumber: withWrongCheckDigit(testIdNumber()) });
    const check = expectError(await managerA.post(`${API}/volunteers`, bad), 422, 'VALIDATION');
    expect(Object.keys(check.fields ?? {})).toEqual(['idNumber']);
    expect(
      expectError(await managerA.post(`${API}/volunteers`, person({ regionId: w.a.township.id })), 422).fields,
    ).toHaveProperty('regionId');
    expectError(await managerA.post(`${API}/volunteers`, person({ regionId: w.b.grid.id })), 404, 'NOT_FOUND');
    expect(expectError(await managerA.post(`${API}/volunteers`, person({ unitId: newId() })), 422).fields).toHaveProperty(
      'unitId',
    );
    managerA.lang = 'en';
    const en = expectError(await managerA.post(`${API}/volunteers`, person({ skills: ['flying'] })), 400, 'VALIDATION');
    expect(en.fields, JSON.stringify(en)).toHaveProperty(['skills.0']);
    expect(en.fields?.['skills.0']).toMatch(/allowed/i);
    managerA.lang = 'zh-CN';
    expectError(await inspectorA.post(`${API}/volunteers`, person()), 403, 'FORBIDDEN');
  });

  it('answers a repeated create with the same Idempotency-Key once', async () => {
    const body = person({ name: '幂等' });
    const first = await create(managerA, body, { 'idempotency-key': 'vol-once' });
    const again = await managerA.post(`${API}/volunteers`, body, { 'idempotency-key': 'vol-once' });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ id: first.id });
    const rows = await t.deps.db.db.selectFrom('volunteers').select('id').where('name', '=', '幂等').execute();
    expect(rows).toHaveLength(1);
  });

  it('updates any person fields; a duplicate ID number is a 409 and a foreign region a 404', async () => {
    const v = await create(managerA, person({ name: '王五' }));
    const other = person();
    await create(managerA, other);
    const res = await managerA.patch(`${API}/volunteers/${v.id}`, {
      mobile: '13899991234',
      unitName: '某物流公司',
      partyMember: false,
      regionId: w.a.community.id,
      availability: [],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      mobile: '138****1234',
      unitId: null,
      unitName: '某物流公司',
      partyMember: false,
      partyBranch: null,
      regionId: w.a.community.id,
      availability: [],
    });
    expectError(await managerA.patch(`${API}/volunteers/${v.id}`, { idNumber: other.idNumber }), 409, 'VOLUNTEER_DUPLICATE');
    expectError(await managerA.patch(`${API}/volunteers/${v.id}`, { regionId: w.b.grid.id }), 404);
    expectError(await managerA.patch(`${API}/volunteers/${v.id}`, {}), 400, 'VALIDATION');
    expectError(await managerB.patch(`${API}/volunteers/${v.id}`, { name: '越权' }), 404, 'NOT_FOUND');
    const newId18 = testIdNumber();
    const changed = (await managerA.patch(`${API}/volunteers/${v.id}`, { idNumber: newId18 })).json() as Volunteer;
    expect(changed.idNumber).toBe(`${newId18.slice(0, 6)}********${newId18.slice(-4)}`);
    expect((await auditRows(t.deps, { entityId: v.id })).map((a) => a.action)).toEqual([
      'volunteer.create',
      'volunteer.update',
      'volunteer.update',
    ]);
  });
});

describe('status', () => {
  it('needs a reason to pause or withdraw, and keeps the history', async () => {
    const v = await create(managerA, person({ name: '赵六' }));
    const noReason = expectError(
      await managerA.post(`${API}/volunteers/${v.id}/status`, { status: 'paused' }),
      422,
      'VALIDATION',
    );
    expect(noReason.fields?.reason).toBe('暂停或退出须填写原因');
    const paused = await managerA.post(`${API}/volunteers/${v.id}/status`, {
      status: 'paused',
      reason: '居家隔离',
      effectiveOn: '2020-02-03',
    });
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json()).toMatchObject({ status: 'paused', statusReason: '居家隔离', statusSince: '2020-02-03' });
    const active = (
      await managerA.post(`${API}/volunteers/${v.id}/status`, { status: 'active', effectiveOn: '2020-02-17' })
    ).json();
    expect(active).toMatchObject({ status: 'active', statusReason: null, statusSince: '2020-02-17' });
    expect(active.statusHistory).toEqual([
      { status: 'active', reason: null, effectiveOn: '2020-02-17', at: expect.any(String), byName: '甲县管理员' },
      { status: 'paused', reason: '居家隔离', effectiveOn: '2020-02-03', at: expect.any(String), byName: '甲县管理员' },
    ]);
    expectError(await managerB.post(`${API}/volunteers/${v.id}/status`, { status: 'withdrawn', reason: 'x' }), 404);
    expect((await auditRows(t.deps, { entityId: v.id, action: 'volunteer.status' })).length).toBe(2);
  });
});

describe('reveal', () => {
  it('shows the full ID number and mobile to a holder of pii.reveal in scope, audited', async () => {
    const body = person();
    const v = await create(managerA, body);
    const res = await managerA.post(`${API}/volunteers/${v.id}/reveal`);
    expect(res.json()).toEqual({ idNumber: body.idNumber, mobile: body.mobile });
    const [audit] = await auditRows(t.deps, { entityId: v.id, action: 'pii.reveal' });
    expect(JSON.parse(audit!.detail!)).toEqual({ fields: ['idNumber', 'mobile'] });
    expectError(await inspectorA.post(`${API}/volunteers/${v.id}/reveal`), 403);
    expectError(await managerB.post(`${API}/volunteers/${v.id}/reveal`), 404);
  });
});

describe('list', () => {
  let team: string;
  const made: Record<string, string> = {};
  beforeAll(async () => {
    const unit = await t.factory.unit({ regionId: w.a.county.id, name: '筛选单位' });
    const grid2 = await t.factory.region({ parent: w.a.community });
    const mk = async (key: string, o: Parameters<TestApp['factory']['volunteer']>[0]) => {
      made[key] = (await t.factory.volunteer(o)).id;
    };
    await mk('zhang', { regionId: w.a.grid.id, name: '筛选张三', mobile: '13800001234', skills: ['medical'], unitId: unit.id });
    await mk('zhang2', {
      regionId: grid2.id,
      name: '筛选张三丰',
      mobile: '13900005678',
      skills: ['driving', 'it'],
      partyMember: false,
    });
    await mk('li', {
      regionId: w.a.grid.id,
      name: '筛选李',
      mobile: '13700001234',
      status: 'paused',
      skills: ['medical', 'driving'],
    });
    await mk('b', { regionId: w.b.grid.id, name: '筛选乙县', mobile: '13600001234', skills: ['medical'] });
    team = newId();
    const now = nowIso();
    await t.deps.db.db
      .insertInto('teams')
      .values({
        id: team,
        parentTeamId: null,
        name: '筛选突击队',
        kind: 'shock',
        regionId: w.a.county.id,
        leaderVolunteerId: null,
        description: null,
        branchName: null,
        branchSecretaryId: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    for (const v of [made.zhang!, made.li!]) {
      await t.deps.db.db
        .insertInto('teamMembers')
        .values({ teamId: team, volunteerId: v, roleTags: '[]', inBranch: 0, joinedAt: now })
        .execute();
    }
  });

  const list = async (c: Client, query: string) => {
    const res = await c.get(`${API}/volunteers?${query.includes('q=') ? '' : 'q=筛选&'}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };

  it('filters by name, mobile tail, unit, region, team, skill, status and party membership', async () => {
    expect(ids(await list(admin, ''))).toEqual([made.zhang, made.zhang2, made.li, made.b].sort());
    expect(ids(await list(admin, 'q=张三'))).toEqual([made.zhang, made.zhang2].sort());
    expect(ids(await list(admin, 'mobile=1234'))).toEqual([made.zhang, made.li, made.b].sort());
    expect(ids(await list(admin, 'mobile=13800001234'))).toEqual([made.zhang]);
    expect(
      ids(
        await list(
          admin,
          `unitId=${(await list(admin, 'q=筛选张三')).json().items.find((v: { id: string }) => v.id === made.zhang).unitId}`,
        ),
      ),
    ).toEqual([made.zhang]);
    expect(ids(await list(admin, `regionId=${w.a.community.id}`))).toEqual([made.zhang, made.zhang2, made.li].sort());
    expect(ids(await list(admin, `regionId=${w.a.grid.id}`))).toEqual([made.zhang, made.li].sort());
    expect(ids(await list(admin, `teamId=${team}`))).toEqual([made.zhang, made.li].sort());
    expect(ids(await list(admin, 'skill=driving'))).toEqual([made.zhang2, made.li].sort());
    expect(ids(await list(admin, 'skill=medical&status=active'))).toEqual([made.zhang, made.b].sort());
    expect(ids(await list(admin, 'status=paused'))).toEqual([made.li]);
    expect(ids(await list(admin, 'partyMember=false'))).toEqual([made.zhang2]);
    expect(ids(await list(admin, `regionId=${w.a.county.id}&skill=medical&status=active`))).toEqual([made.zhang]);
    const paged = (await list(admin, 'limit=2&offset=1')).json();
    expect(paged.total).toBe(4);
    expect(paged.items).toHaveLength(2);
    expect((await list(admin, 'offset=100')).json()).toEqual({ items: [], total: 4 });
    expect((await list(admin, 'q=无此人')).json()).toEqual({ items: [], total: 0 });
    const item = (await list(admin, 'q=筛选张三丰')).json().items[0];
    expect(item).toEqual({
      id: made.zhang2,
      name: '筛选张三丰',
      gender: 'male',
      mobile: '139****5678',
      idNumber: expect.stringMatching(/^\d{6}\*{8}\d{3}[\dX]$/),
      partyMember: false,
      unitId: null,
      unitName: null,
      regionId: expect.any(String),
      regionName: expect.any(String),
      skills: ['driving', 'it'],
      status: 'active',
      accountLogin: null,
    });
    expectError(await admin.get(`${API}/volunteers?mobile=12`), 400, 'VALIDATION');
  });

  it('keeps each county to its own volunteers; a foreign id is a 404', async () => {
    expect(ids(await list(managerA, ''))).toEqual([made.zhang, made.zhang2, made.li].sort());
    expect(ids(await list(managerB, ''))).toEqual([made.b]);
    expect(ids(await list(inspectorA, 'mobile=1234'))).toEqual([made.zhang, made.li].sort());
    expectError(await managerB.get(`${API}/volunteers/${made.zhang}`), 404, 'NOT_FOUND');
    expectError(await managerB.get(`${API}/volunteers?regionId=${w.a.county.id}`), 404, 'NOT_FOUND');
    expectError(await managerB.get(`${API}/volunteers/${newId()}`), 404, 'NOT_FOUND');
    expect(ids(await list(managerB, `teamId=${team}`))).toEqual([]);
  });
});

describe('service record', () => {
  it('adds entries once per source, totals them, and takes commendations', async () => {
    const v = await create(managerA, person({ name: '记录' }));
    const source = newId();
    const entry = {
      volunteerId: v.id,
      kind: 'duty' as const,
      sourceId: source,
      title: '卡点值守',
      hours: 8.5,
      occurredOn: '2020-02-05',
      createdBy: null,
    };
    const first = await t.deps.db.db.transaction().execute((trx) => service.recordService(trx, entry));
    const second = await t.deps.db.db.transaction().execute((trx) => service.recordService(trx, { ...entry, hours: 9 }));
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    await t.deps.db.db.transaction().execute((trx) =>
      service.recordService(trx, {
        ...entry,
        kind: 'errand',
        sourceId: newId(),
        title: '代购',
        hours: 1.2,
        occurredOn: '2020-02-06',
      }),
    );

    const reason = '连续值守高速出口卡点 20 天，劝返外来车辆 300 余辆';
    expectError(
      await managerA.post(`${API}/volunteers/${v.id}/commendations`, { title: '优秀志愿者', occurredOn: '2020-02-07' }),
      400,
    );
    const commend = await managerA.post(`${API}/volunteers/${v.id}/commendations`, {
      title: '优秀志愿者',
      reason: ` ${reason} `,
      occurredOn: '2020-02-07',
    });
    expect(commend.statusCode, commend.body).toBe(201);
    expect(commend.json()).toEqual({
      id: expect.any(String),
      kind: 'commendation',
      title: '优秀志愿者',
      hours: null,
      occurredOn: '2020-02-07',
      sourceId: null,
      reason,
    });
    expectError(
      await managerA.post(`${API}/volunteers/${v.id}/commendations`, { title: '未来', reason: '事由', occurredOn: '2999-01-01' }),
      422,
    );
    expectError(
      await inspectorA.post(`${API}/volunteers/${v.id}/commendations`, { title: 'x', reason: '事由', occurredOn: '2020-02-07' }),
      403,
    );
    expectError(await managerB.get(`${API}/volunteers/${v.id}/service-record`), 404);

    const record = (await inspectorA.get(`${API}/volunteers/${v.id}/service-record`)).json();
    expect(record.totals).toEqual({
      hours: 9.7,
      entries: 3,
      byKind: { duty: 1, errand: 1, inspection: 0, screening: 0, disinfection: 0, commendation: 1, other: 0 },
    });
    expect(record.items.map((i: { kind: string }) => i.kind)).toEqual(['commendation', 'errand', 'duty']);
    expect(record.items[0].reason).toBe(reason);
    expect(record.items[1].reason).toBeNull();
    expect((await auditRows(t.deps, { entityId: v.id, action: 'volunteer.commend' })).length).toBe(1);
  });
});

describe('for other features', () => {
  it('creates the volunteer of an approved pledge inside the caller’s transaction, refusing a registered ID number', async () => {
    const idNumber = testIdNumber();
    const sealed = sealIdNumber(t.deps.pii, idNumber);
    const pledgeId = newId();
    const now = nowIso();
    const base = {
      name: '请战者',
      gender: 'female',
      mobile: '13512345678',
      partyMember: 1,
      partyBranch: '机关支部',
      unitId: null,
      unitName: '自由职业',
      homeAddress: '某路 1 号',
      regionId: w.a.grid.id,
      skills: '["publicity"]',
      availability: '[{"weekday":3,"band":"evening"}]',
    };
    await t.deps.db.db
      .insertInto('pledges')
      .values({
        id: pledgeId,
        reference: `QZ-${pledgeId.slice(-6)}`,
        statusTokenHash: pledgeId,
        status: 'approved',
        ...base,
        ...sealed,
        healthFever: 0,
        healthRiskContact: 0,
        healthNote: null,
        pledgeText: null,
        submittedAt: now,
        decidedAt: now,
        decidedBy: null,
        decisionReason: null,
        volunteerId: null,
        updatedAt: now,
      })
      .execute();
    const call = { actorId: null, actorLogin: 'reviewer', ip: null };
    const input = { ...base, ...sealed, pledgeId, partyMember: true, skills: ['publicity'], accountId: null };
    const made = await t.deps.db.db.transaction().execute((trx) => service.createFromPledge(trx, call, input));
    expect(made.name).toBe('请战者');
    const v = (await managerA.get(`${API}/volunteers/${made.id}`)).json() as Volunteer & { pledgeId: string };
    expect(v).toMatchObject({
      pledgeId,
      status: 'active',
      unitName: '自由职业',
      availability: [{ weekday: 3, band: 'evening' }],
    });
    expect(await auditRows(t.deps, { entityId: made.id, action: 'volunteer.create' })).toHaveLength(1);

    await expect(
      t.deps.db.db.transaction().execute((trx) => service.createFromPledge(trx, call, { ...input, pledgeId: newId() })),
    ).rejects.toMatchObject({ code: 'VOLUNTEER_DUPLICATE', status: 409 });

    const [summary] = await service.summaries([made.id, newId()]);
    expect(summary).toMatchObject({ id: made.id, name: '请战者', mobile: '135****5678', accountId: null });
    const actorB = {
      accountId: 'x',
      login: 'x',
      name: 'x',
      sessionId: 'x',
      grants: [{ id: 'g', role: 'region_manager' as const, regionId: w.b.county.id, regionPath: w.b.county.path }],
    };
    await expect(service.visible(actorB, 'volunteers.read', made.id)).rejects.toMatchObject({ status: 404 });
    const actorA = {
      ...actorB,
      grants: [{ id: 'g', role: 'region_manager' as const, regionId: w.a.county.id, regionPath: w.a.county.path }],
    };
    expect(await service.visible(actorA, 'volunteers.read', made.id)).toMatchObject({
      regionPath: w.a.grid.path,
      accountId: null,
    });
  });
});
