import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, expectError, snapshot } from '../../../test/requests.ts';
import { addDays, calendarDate } from '../../platform/dates.ts';

let t: TestApp;
let w: TwoCounties;
let manager: Client;
let mine: Client;
let other: Client;
let volunteerId: string;
let caseId: string;

const db = () => t.deps.db.db;
const today = () => calendarDate(t.deps.config.timeZone);

async function volunteerAccount(login: string, name: string) {
  const account = await t.factory.account({ login, name, grants: [{ role: 'volunteer', regionId: w.a.grid.id }] });
  return (await t.factory.volunteer({ regionId: w.a.grid.id, accountId: account.id, name })).id;
}

async function schedule(kind: string, o: Record<string, unknown> = {}) {
  const res = await manager.post(`${API}/quarantine/cases/${caseId}/services`, {
    kind,
    everyDays: 2,
    startsOn: today(),
    volunteerId,
    ...o,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  await t.factory.account({
    login: 'qs-manager',
    name: '刘主任',
    grants: [{ role: 'region_manager', regionId: w.a.community.id }],
  });
  volunteerId = await volunteerAccount('qs-mine', '王志愿');
  await volunteerAccount('qs-other', '赵志愿');
  manager = await t.signIn('qs-manager');
  mine = await t.signIn('qs-mine');
  other = await t.signIn('qs-other');
  const res = await manager.post(`${API}/quarantine/cases`, {
    regionId: w.a.grid.id,
    personName: '张三丰',
    mobile: '13500001111',
    address: '雪松路 8 号院 2 栋 301',
    kind: 'home',
  });
  caseId = res.json().id;
});
afterAll(() => t.close());

describe('services to an isolated household', () => {
  it('schedules for a volunteer of the area only', async () => {
    const foreign = await t.factory.volunteer({ regionId: w.b.grid.id });
    const e = expectError(
      await manager.post(`${API}/quarantine/cases/${caseId}/services`, {
        kind: 'supplies',
        everyDays: 2,
        startsOn: today(),
        volunteerId: foreign.id,
      }),
      422,
    );
    expect(e.fields).toHaveProperty('volunteerId');
    const s = await schedule('disinfection');
    expect(s).toMatchObject({
      kind: 'disinfection',
      everyDays: 2,
      nextOn: today(),
      due: true,
      personName: '张**',
      volunteer: { id: volunteerId },
    });
  });

  it('lists what is due, for staff masked and for the volunteer by name with the mobile masked', async () => {
    const due = (await manager.get(`${API}/quarantine/services/due`)).json();
    expect(due.items.length).toBeGreaterThan(0);
    expect((await manager.get(`${API}/quarantine/services/due?on=${addDays(today(), -1)}`)).json().items).toEqual([]);
    const list = (await mine.get(`${API}/quarantine/services/mine`)).json();
    expect(list.items[0]).toMatchObject({
      personName: '张三丰',
      mobile: '135****1111',
      address: '雪松路 8 号院 2 栋 301',
      due: true,
    });
    expect((await other.get(`${API}/quarantine/services/mine`)).json().items).toEqual([]);
  });

  it('logs a disinfection with its details, moves the next visit on, and counts in the service record', async () => {
    const s = await schedule('disinfection');
    const before = await snapshot(t.deps);
    const e = expectError(await mine.post(`${API}/quarantine/services/${s.id}/logs`, { areaM2: 80 }), 422);
    expect(Object.keys(e.fields ?? {}).sort()).toEqual(['agent', 'concentration']);
    expectError(
      await other.post(`${API}/quarantine/services/${s.id}/logs`, { areaM2: 80, agent: '含氯消毒剂', concentration: '500 mg/L' }),
      404,
    );
    expect(await snapshot(t.deps)).toEqual(before);
    const res = await mine.post(`${API}/quarantine/services/${s.id}/logs`, {
      areaM2: 80,
      agent: '含氯消毒剂',
      concentration: '500 mg/L',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'disinfection', areaM2: 80, byName: '王志愿', doneOn: today() });
    const row = await db().selectFrom('caseServices').select('nextOn').where('id', '=', s.id).executeTakeFirstOrThrow();
    expect(row.nextOn).toBe(addDays(today(), 2));
    const records = await db().selectFrom('serviceRecords').selectAll().where('volunteerId', '=', volunteerId).execute();
    expect(records).toContainEqual(
      expect.objectContaining({ kind: 'disinfection', sourceId: res.json().id, occurredOn: today() }),
    );
  });

  it('keeps a disinfection visit as a disinfection record of the case’s region, one record, in its totals', async () => {
    const s = await schedule('disinfection');
    const res = await mine.post(`${API}/quarantine/services/${s.id}/logs`, {
      areaM2: 95,
      agent: '84消毒液',
      concentration: '1:100',
      method: 'wipe',
      people: 2,
      contactMinutes: 30,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'disinfection', method: 'wipe', people: 2, contactMinutes: 30, signedOffAt: null });
    const id = res.json().id as string;
    const row = await db().selectFrom('disinfectionLogs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ caseId, caseServiceId: s.id, placeId: null, regionId: w.a.grid.id, areaM2: 95, doneOn: today() });
    expect(await db().selectFrom('caseServiceLogs').select('id').where('kind', '=', 'disinfection').execute()).toEqual([]);
    const ofCase = (await manager.get(`${API}/quarantine/cases/${caseId}/services`)).json();
    expect(ofCase.logs).toContainEqual(expect.objectContaining({ id, kind: 'disinfection', areaM2: 95, byName: '王志愿' }));
    expect(ofCase.items.find((x: { id: string }) => x.id === s.id)).toMatchObject({
      lastDoneOn: today(),
      nextOn: addDays(today(), 2),
    });
    expect(
      (await mine.get(`${API}/quarantine/services/mine`)).json().items.find((x: { id: string }) => x.id === s.id),
    ).toMatchObject({
      lastDoneOn: today(),
    });
    // The desk's disinfection list shows the home by its case reference, never the person.
    const listed = (await manager.get(`${API}/disinfection/logs?site=home`)).json();
    const entry = listed.items.find((l: { id: string }) => l.id === id);
    expect(entry).toMatchObject({ site: 'home', place: null, caseRef: expect.any(String), method: 'wipe', people: 2 });
    expect(JSON.stringify(entry)).not.toMatch(/张三丰|雪松路/);
    const totals = (await manager.get(`${API}/disinfection/totals?regionId=${w.a.community.id}`)).json();
    expect(totals.homes.operations).toBeGreaterThanOrEqual(1);
  });

  it('defaults a disinfection visit to spraying by one person, and refuses a bad method with nothing written', async () => {
    const s = await schedule('disinfection');
    const before = await snapshot(t.deps);
    expectError(
      await mine.post(`${API}/quarantine/services/${s.id}/logs`, {
        areaM2: 60,
        agent: '含氯消毒剂',
        concentration: '500 mg/L',
        method: 'boil',
      }),
      400,
    );
    expect(await snapshot(t.deps)).toEqual(before);
    const res = await mine.post(`${API}/quarantine/services/${s.id}/logs`, {
      areaM2: 60,
      agent: '含氯消毒剂',
      concentration: '500 mg/L',
    });
    expect(res.json()).toMatchObject({ method: 'spray', people: 1, contactMinutes: null });
  });

  it('lets staff log supplies; a closed case’s services stop', async () => {
    const s = await schedule('supplies');
    expectError(await manager.post(`${API}/quarantine/services/${s.id}/logs`, { note: '无' }), 422);
    expect((await manager.post(`${API}/quarantine/services/${s.id}/logs`, { items: '米 5kg、蔬菜' })).statusCode).toBe(201);
    const ofCase = (await manager.get(`${API}/quarantine/cases/${caseId}/services`)).json();
    expect(ofCase.logs.length).toBeGreaterThanOrEqual(2);
    await manager.post(`${API}/quarantine/cases/${caseId}/release`, { early: true, reason: '评估后解除' });
    expectError(await mine.post(`${API}/quarantine/services/${s.id}/logs`, { items: '米' }), 409, 'CASE_SERVICE_STOPPED');
    expect((await mine.get(`${API}/quarantine/services/mine`)).json().items).toEqual([]);
  });
});
