import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, auditRows, expectError, snapshot } from '../../../test/requests.ts';
import { addDays, calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { insertPlace } from './places.repository.ts';

let t: TestApp;
let w: TwoCounties;
let manager: Client;
let inspector: Client;
let sunli: Client;
let other: Client;
let sunliId: string;
let sunliAccount: string;
let teamId: string;

const db = () => t.deps.db.db;
const today = () => calendarDate(t.deps.config.timeZone);
const JOB = { areaM2: 1200, agent: '含氯消毒剂', concentration: '500 mg/L', method: 'spray', contactMinutes: 30, people: 2 };

async function volunteer(login: string, name: string, regionId: string) {
  const account = await t.factory.account({ login, name, grants: [{ role: 'volunteer', regionId }] });
  const v = await t.factory.volunteer({ regionId: w.a.grid.id, accountId: account.id, name });
  return { accountId: account.id, volunteerId: v.id };
}

async function place(o: Record<string, unknown> = {}) {
  const res = await manager.post(`${API}/disinfection/places`, {
    regionId: w.a.community.id,
    kind: 'estate_public',
    name: `雪松小区公共区域${newId().slice(-4)}`,
    areaM2: 1500,
    ...o,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string; regionId: string };
}

async function schedule(placeId: string, o: Record<string, unknown> = {}) {
  const res = await manager.post(`${API}/disinfection/schedules`, {
    placeId,
    everyDays: 1,
    startsOn: today(),
    volunteerId: sunliId,
    ...o,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; nextOn: string; state: string };
}

/** A place written straight to the table (in a region the test's manager does not keep). */
async function rawPlace(regionId: string, name: string) {
  const id = newId();
  const now = nowIso();
  await insertPlace(db(), {
    id,
    regionId,
    kind: 'other',
    name,
    address: null,
    areaM2: null,
    checkpointId: null,
    active: 1,
    note: null,
    createdBy: null,
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

/** A log written straight to the table (for totals over other days and other people's entries). */
async function rawLog(o: {
  regionId: string;
  doneOn: string;
  areaM2: number;
  people?: number;
  byAccountId: string;
  caseId?: string;
}) {
  const id = newId();
  const placeId = o.caseId ? null : await rawPlace(o.regionId, '街道');
  await db()
    .insertInto('disinfectionLogs')
    .values({
      id,
      regionId: o.regionId,
      placeId,
      scheduleId: null,
      caseId: o.caseId ?? null,
      caseServiceId: null,
      doneAt: `${o.doneOn}T02:00:00.000Z`,
      doneOn: o.doneOn,
      byAccountId: o.byAccountId,
      teamId: null,
      people: o.people ?? 1,
      areaM2: o.areaM2,
      agent: '84消毒液',
      concentration: '1:100',
      method: 'spray',
      contactMinutes: null,
      note: null,
      signedOffBy: null,
      signedOffAt: null,
      signOffNote: null,
      createdAt: nowIso(),
    })
    .execute();
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  await t.factory.account({ login: 'dx-manager', name: '刘主任', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  await t.factory.account({ login: 'dx-inspector', name: '周督查', grants: [{ role: 'inspector', regionId: w.a.county.id }] });
  ({ accountId: sunliAccount, volunteerId: sunliId } = await volunteer('dx-sunli', '孙丽', w.a.community.id));
  await volunteer('dx-other', '赵志愿', w.a.community.id);
  manager = await t.signIn('dx-manager');
  inspector = await t.signIn('dx-inspector');
  sunli = await t.signIn('dx-sunli');
  other = await t.signIn('dx-other');
  teamId = newId();
  const now = nowIso();
  await db()
    .insertInto('teams')
    .values({
      id: teamId,
      parentTeamId: null,
      name: '雪松社区志愿服务队',
      kind: 'volunteer_service',
      regionId: w.a.community.id,
      leaderVolunteerId: null,
      description: null,
      branchName: null,
      branchSecretaryId: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await db()
    .insertInto('teamMembers')
    .values({ teamId, volunteerId: sunliId, roleTags: '[]', inBranch: 0, joinedAt: now })
    .execute();
});
afterAll(() => t.close());

describe('places', () => {
  it('are kept by planners of the area, with a checkpoint inside the place’s region only', async () => {
    const p = await place({ kind: 'market', name: '雪松农贸市场', address: '雪松路 12 号' });
    expect(p).toMatchObject({ name: '雪松农贸市场', kind: 'market', active: true, schedules: 0, overdue: 0, lastDoneOn: null });
    expectError(
      await manager.post(`${API}/disinfection/places`, { regionId: w.b.community.id, kind: 'market', name: '外县市场' }),
      404,
    );
    const foreign = await t.factory.region({ parent: w.a.township2 });
    const cp = newId();
    const now = nowIso();
    await db()
      .insertInto('checkpoints')
      .values({
        id: cp,
        name: '别处卡点',
        kind: 'estate_gate',
        regionId: foreign.id,
        address: null,
        lat: null,
        lng: null,
        risk: 2,
        hours24: 1,
        opensAt: null,
        closesAt: null,
        shiftPattern: '[]',
        teamId: null,
        status: 'active',
        checkInCode: `X${newId().slice(-7)}`,
        note: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    const e = expectError(await manager.patch(`${API}/disinfection/places/${p.id}`, { checkpointId: cp }), 422);
    expect(e.fields).toHaveProperty('checkpointId');
    expect(
      (await manager.patch(`${API}/disinfection/places/${p.id}`, { areaM2: 2500, note: '早晚各一次' })).json(),
    ).toMatchObject({
      areaM2: 2500,
      note: '早晚各一次',
    });
    const list = (await inspector.get(`${API}/disinfection/places?q=农贸`)).json();
    expect(list.items.map((x: { id: string }) => x.id)).toContain(p.id);
    expectError(await sunli.get(`${API}/disinfection/places`), 403);
    const picks = (await sunli.get(`${API}/disinfection/my/places`)).json();
    expect(picks.items.map((x: { id: string }) => x.id)).toContain(p.id);
  });

  it('are deleted only while never logged at', async () => {
    const p = await place();
    await schedule(p.id);
    expect((await manager.delete(`${API}/disinfection/places/${p.id}`)).statusCode).toBe(200);
    expect(await db().selectFrom('disinfectionSchedules').select('id').where('placeId', '=', p.id).execute()).toEqual([]);
    const q = await place();
    expect((await sunli.post(`${API}/disinfection/logs`, { placeId: q.id, ...JOB })).statusCode).toBe(201);
    expectError(await manager.delete(`${API}/disinfection/places/${q.id}`), 409, 'DISINFECTION_PLACE_HAS_LOGS');
  });
});

describe('schedules', () => {
  it('go to one team or one active volunteer of the county; pausing and resuming are audited', async () => {
    const p = await place();
    const outsider = await t.factory.volunteer({ regionId: w.b.grid.id });
    expect(
      expectError(
        await manager.post(`${API}/disinfection/schedules`, {
          placeId: p.id,
          everyDays: 2,
          startsOn: today(),
          volunteerId: outsider.id,
        }),
        422,
      ).fields,
    ).toHaveProperty('volunteerId');
    expect(
      expectError(
        await manager.post(`${API}/disinfection/schedules`, {
          placeId: p.id,
          everyDays: 2,
          startsOn: today(),
          teamId,
          volunteerId: sunliId,
        }),
        422,
      ).fields,
    ).toHaveProperty('volunteerId');
    expect(
      expectError(await manager.post(`${API}/disinfection/schedules`, { placeId: p.id, everyDays: 2, startsOn: today() }), 422)
        .fields,
    ).toHaveProperty('teamId');
    const s = await schedule(p.id, { teamId, volunteerId: undefined, startsOn: addDays(today(), -3) });
    expect(s).toMatchObject({ state: 'overdue', overdueDays: 3, team: { id: teamId }, volunteer: null });
    const paused = (await manager.patch(`${API}/disinfection/schedules/${s.id}`, { active: false })).json();
    expect(paused).toMatchObject({ state: 'paused', active: false });
    expect(await auditRows(t.deps, { action: 'disinfection.schedule.pause', entityId: s.id })).toHaveLength(1);
    await manager.patch(`${API}/disinfection/schedules/${s.id}`, { active: true });
    expect(await auditRows(t.deps, { action: 'disinfection.schedule.resume', entityId: s.id })).toHaveLength(1);
    const overdue = (await inspector.get(`${API}/disinfection/schedules?state=overdue`)).json();
    expect(overdue.items.find((x: { id: string }) => x.id === s.id)).toMatchObject({ overdueDays: 3 });
    const places = (await manager.get(`${API}/disinfection/places?overdue=true`)).json();
    expect(places.items.find((x: { id: string }) => x.id === p.id)).toMatchObject({ schedules: 1, overdue: 1 });
  });

  it('are the volunteer’s jobs, theirs and their teams’, most overdue first', async () => {
    const a = await schedule((await place()).id, { startsOn: addDays(today(), 2) });
    const b = await schedule((await place()).id, { startsOn: today() });
    const c = await schedule((await place()).id, { teamId, volunteerId: undefined, startsOn: addDays(today(), -2) });
    const jobs = (await sunli.get(`${API}/disinfection/my/jobs`)).json().items as { id: string; state: string }[];
    const ids = jobs.map((j) => j.id);
    expect(ids.indexOf(c.id)).toBeLessThan(ids.indexOf(b.id));
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    expect(jobs.find((j) => j.id === b.id)?.state).toBe('due');
    expect((await other.get(`${API}/disinfection/my/jobs`)).json().items).toEqual([]);
  });
});

describe('logs', () => {
  it('a volunteer logs a job of their list: the schedule moves on, the entry counts in their record', async () => {
    const p = await place();
    const s = await schedule(p.id, { everyDays: 2, startsOn: addDays(today(), -1) });
    const res = await sunli.post(`${API}/disinfection/logs`, { placeId: p.id, scheduleId: s.id, ...JOB });
    expect(res.statusCode, res.body).toBe(201);
    const log = res.json();
    expect(log).toMatchObject({
      site: 'place',
      placeLabel: p.name,
      scheduleId: s.id,
      doneOn: today(),
      by: { name: '孙丽' },
      people: 2,
      areaM2: 1200,
      method: 'spray',
      signOff: null,
    });
    const row = await db().selectFrom('disinfectionSchedules').select('nextOn').where('id', '=', s.id).executeTakeFirstOrThrow();
    expect(row.nextOn).toBe(addDays(today(), 2));
    const records = await db().selectFrom('serviceRecords').selectAll().where('volunteerId', '=', sunliId).execute();
    expect(records).toContainEqual(expect.objectContaining({ kind: 'disinfection', sourceId: log.id, occurredOn: today() }));
    const mine = (await sunli.get(`${API}/disinfection/my/logs`)).json();
    expect(mine.items[0].id).toBe(log.id);
    expect(await auditRows(t.deps, { action: 'disinfection.log', entityId: log.id })).toHaveLength(1);
  });

  it('refuses a time ahead or over a week back, a foreign place, a wrong schedule, a silly area: nothing written', async () => {
    const p = await place();
    const s = await schedule((await place()).id);
    const before = await snapshot(t.deps);
    const ahead = new Date(Date.now() + 3600_000).toISOString();
    expect(
      expectError(await sunli.post(`${API}/disinfection/logs`, { placeId: p.id, doneAt: ahead, ...JOB }), 422).fields,
    ).toHaveProperty('doneAt');
    const old = new Date(Date.now() - 9 * 86_400_000).toISOString();
    const e = expectError(await sunli.post(`${API}/disinfection/logs`, { placeId: p.id, doneAt: old, ...JOB }), 422);
    expect(e.fields?.doneAt).toContain('7');
    expectError(await sunli.post(`${API}/disinfection/logs`, { placeId: p.id, ...JOB, areaM2: 0 }), 400);
    expectError(await sunli.post(`${API}/disinfection/logs`, { placeId: p.id, ...JOB, areaM2: 5_000_000 }), 400);
    expect(
      expectError(await sunli.post(`${API}/disinfection/logs`, { placeId: p.id, scheduleId: s.id, ...JOB }), 422).fields,
    ).toHaveProperty('scheduleId');
    const foreign = await rawPlace(w.b.community.id, '外县车站');
    const withForeign = await snapshot(t.deps);
    expectError(await sunli.post(`${API}/disinfection/logs`, { placeId: foreign, ...JOB }), 404);
    expect(await snapshot(t.deps)).toEqual(withForeign);
    await db().deleteFrom('disinfectionPlaces').where('id', '=', foreign).execute();
    expect(await snapshot(t.deps)).toEqual(before);
    // Yesterday evening, logged this morning: counted on its day.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const late = await sunli.post(`${API}/disinfection/logs`, { placeId: p.id, doneAt: yesterday, ...JOB });
    expect(late.json().doneOn).toBe(calendarDate(t.deps.config.timeZone, new Date(yesterday)));
  });

  it('a volunteer logs on a schedule given to them outside their area', async () => {
    const away = await place({ regionId: w.a.township2.id });
    const s = await schedule(away.id, { teamId, volunteerId: undefined });
    expectError(await sunli.post(`${API}/disinfection/logs`, { placeId: away.id, ...JOB }), 404);
    const res = await sunli.post(`${API}/disinfection/logs`, { placeId: away.id, scheduleId: s.id, ...JOB });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().team).toMatchObject({ id: teamId });
  });

  it('is signed off once, by someone else, with a note; lists filter signed and unsigned', async () => {
    const p = await place();
    const log = (await sunli.post(`${API}/disinfection/logs`, { placeId: p.id, ...JOB })).json();
    expectError(await sunli.post(`${API}/disinfection/logs/${log.id}/sign-off`, {}), 403);
    const own = (await manager.post(`${API}/disinfection/logs`, { placeId: p.id, ...JOB })).json();
    expectError(await manager.post(`${API}/disinfection/logs/${own.id}/sign-off`, {}), 409, 'DISINFECTION_SIGN_OWN');
    const signed = await inspector.post(`${API}/disinfection/logs/${log.id}/sign-off`, { note: '抽查合格，浓度达标' });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().signOff).toMatchObject({ by: { name: '周督查' }, note: '抽查合格，浓度达标' });
    expectError(await manager.post(`${API}/disinfection/logs/${log.id}/sign-off`, {}), 409, 'DISINFECTION_SIGNED');
    expect(await auditRows(t.deps, { action: 'disinfection.signOff', entityId: log.id })).toHaveLength(1);
    const unsigned = (await inspector.get(`${API}/disinfection/logs?signed=false&placeId=${p.id}`)).json();
    expect(unsigned.items.map((l: { id: string }) => l.id)).toEqual([own.id]);
    const done = (await inspector.get(`${API}/disinfection/logs?signed=true&placeId=${p.id}`)).json();
    expect(done).toMatchObject({ total: 1, items: [{ id: log.id }] });
    expectError(await inspector.get(`${API}/disinfection/logs/${newId()}`), 404);
  });
});

describe('totals', () => {
  it('sum operations, m² and people per child region over the period, homes included', async () => {
    const city = await t.factory.region({ level: 'city' });
    const county = await t.factory.region({ parent: city });
    const east = await t.factory.region({ parent: county, name: '东街道' });
    const west = await t.factory.region({ parent: county, name: '西街道' });
    const eastGrid = await t.factory.region({ parent: await t.factory.region({ parent: east }) });
    await t.factory.account({ login: 'dx-county', grants: [{ role: 'region_manager', regionId: county.id }] });
    const boss = await t.signIn('dx-county');
    const by = sunliAccount;
    const firstOfMonth = `${today().slice(0, 8)}01`;
    await rawLog({ regionId: eastGrid.id, doneOn: today(), areaM2: 60_000, people: 6, byAccountId: by });
    await rawLog({ regionId: east.id, doneOn: firstOfMonth, areaM2: 40_000.5, people: 4, byAccountId: by });
    await rawLog({ regionId: west.id, doneOn: today(), areaM2: 1_000, byAccountId: by });
    await rawLog({ regionId: county.id, doneOn: today(), areaM2: 500, byAccountId: by });
    await rawLog({ regionId: west.id, doneOn: addDays(firstOfMonth, -1), areaM2: 9_999, byAccountId: by });
    const home = await boss.post(`${API}/quarantine/cases`, {
      regionId: eastGrid.id,
      personName: '张三丰',
      mobile: '13500001111',
      address: '东街 8 号',
      kind: 'home',
    });
    expect(home.statusCode, home.body).toBe(201);
    await rawLog({ regionId: eastGrid.id, doneOn: today(), areaM2: 80, byAccountId: by, caseId: home.json().id });
    const res = await boss.get(`${API}/disinfection/totals`);
    expect(res.statusCode, res.body).toBe(200);
    const totals = res.json();
    expect(totals).toMatchObject({
      region: { id: county.id },
      from: firstOfMonth,
      to: today(),
      total: { operations: 5, areaM2: 101_580.5, people: 13 },
      homes: { operations: 1, areaM2: 80, people: 1 },
      direct: { operations: 1, areaM2: 500 },
    });
    expect(totals.children).toEqual([
      expect.objectContaining({ regionId: east.id, operations: 3, areaM2: 100_080.5, people: 11 }),
      expect.objectContaining({ regionId: west.id, operations: 1, areaM2: 1_000 }),
    ]);
    const all = (await boss.get(`${API}/disinfection/totals?all=true`)).json();
    expect(all).toMatchObject({ from: null, total: { operations: 6 } });
    const homes = (await boss.get(`${API}/disinfection/logs?site=home`)).json();
    expect(homes.items).toHaveLength(1);
    expect(homes.items[0]).toMatchObject({ site: 'home', place: null, caseRef: expect.any(String) });
    expect(JSON.stringify(homes.items[0])).not.toMatch(/张三丰|东街 8 号/);
    const day = (await boss.get(`${API}/disinfection/totals?regionId=${east.id}&from=${today()}&to=${today()}`)).json();
    // On the 1st of a month the first-of-month log falls on today as well.
    const first = firstOfMonth === today();
    expect(day.total).toMatchObject({ operations: first ? 3 : 2, areaM2: first ? 100_080.5 : 60_080 });
    expectError(await boss.get(`${API}/disinfection/totals?from=${today()}&to=${addDays(today(), -1)}`), 422);
    expectError(await boss.get(`${API}/disinfection/totals?regionId=${w.a.county.id}`), 404);
  });
});
