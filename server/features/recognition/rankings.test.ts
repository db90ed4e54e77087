import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_KINDS, type ServiceKind } from '../../../common/enums.ts';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, expectError } from '../../../test/requests.ts';
import { newId } from '../../platform/db/ids.ts';
import { regionsService } from '../regions/regions.service.ts';
import { unitsService } from '../units/units.service.ts';
import { volunteersService, type VolunteersService } from '../volunteers/volunteers.service.ts';
import type { Ranking, RankingItem } from './rankings.schemas.ts';
import { rankingWorkbook } from './rankings.xlsx.ts';

let t: TestApp;
let w: TwoCounties;
let admin: Client;
let commander: Client;
let managerA: Client;
let managerB: Client;
let volunteers: VolunteersService;

const FROM = '2020-02-01';
const TO = '2020-02-29';

/** Volunteers, by the figure they should reach; names sort as their ties must. */
const v = {} as Record<'a1' | 'a2' | 'a3' | 'a4' | 'a5' | 'b1' | 'b2', string>;
const units = {} as Record<'ua' | 'ua2' | 'ub', string>;
const teams = {} as Record<'ta' | 'ta2' | 'te' | 'tb', string>;

async function record(volunteerId: string, kind: ServiceKind, hours: number | null, occurredOn: string): Promise<void> {
  await t.deps.db.db.transaction().execute((trx) =>
    volunteers.recordService(trx, {
      volunteerId,
      kind,
      sourceId: newId(),
      title: `测试${kind}`,
      hours,
      occurredOn,
      createdBy: null,
    }),
  );
}

async function createTeam(c: Client, name: string, regionId: string, members: string[]): Promise<string> {
  const res = await c.post(`${API}/teams`, { kind: 'shock', name, regionId });
  expect(res.statusCode, res.body).toBe(201);
  const id = (res.json() as { id: string }).id;
  for (const volunteerId of members) {
    const added = await c.post(`${API}/teams/${id}/members`, { volunteerId });
    expect(added.statusCode, added.body).toBe(201);
  }
  return id;
}

const query = (o: Record<string, string | number> = {}) =>
  new URLSearchParams(Object.entries({ from: FROM, to: TO, ...o }).map(([k, x]) => [k, String(x)])).toString();

async function rank(c: Client, o: Record<string, string | number> = {}): Promise<Ranking> {
  const res = await c.get(`${API}/recognition/rankings?${query(o)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Ranking;
}

const byId = (r: Ranking) => new Map(r.items.map((i) => [i.id, i]));

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  await t.factory.account({ login: 'root', grants: [{ role: 'admin', regionId: null }] });
  await t.factory.account({ login: 'cmd', grants: [{ role: 'commander', regionId: w.city.id }] });
  await t.factory.account({ login: 'mgr-a', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  await t.factory.account({ login: 'mgr-b', grants: [{ role: 'region_manager', regionId: w.b.county.id }] });
  admin = await t.signIn('root');
  commander = await t.signIn('cmd');
  managerA = await t.signIn('mgr-a');
  managerB = await t.signIn('mgr-b');
  const regions = regionsService(t.deps);
  volunteers = volunteersService(t.deps, { regions, units: unitsService(t.deps, regions) });

  units.ua = (await t.factory.unit({ regionId: w.a.township.id, name: 'U-A 甲单位' })).id;
  units.ua2 = (await t.factory.unit({ regionId: w.a.community.id, name: 'U-A2 空单位' })).id;
  units.ub = (await t.factory.unit({ regionId: w.b.township.id, name: 'U-B 乙单位' })).id;
  const make = async (name: string, regionId: string, unitId: string | null = null) =>
    (await t.factory.volunteer({ name, regionId, unitId })).id;
  v.a1 = await make('A1 张明', w.a.grid.id, units.ua);
  v.a2 = await make('A2 李华', w.a.community.id, units.ua);
  v.a3 = await make('A3 王芳', w.a.grid.id);
  v.a4 = await make('A4 赵强', w.a.grid.id, units.ua);
  v.a5 = await make('A5 钱进', w.a.grid.id, units.ua2);
  v.b1 = await make('B1 孙丽', w.b.grid.id, units.ub);
  v.b2 = await make('B2 周洋', w.b.grid.id);
  // A unit typed in rather than chosen: shown on the volunteer, never a unit of its own.
  await t.deps.db.db.updateTable('volunteers').set({ unitName: '自由职业' }).where('id', '=', v.a3).execute();

  // A1: 10.25 h, the period's first and last days included, the days around it not.
  await record(v.a1, 'duty', 8.5, FROM);
  await record(v.a1, 'errand', 1.25, '2020-02-10');
  await record(v.a1, 'errand', 0.5, TO);
  await record(v.a1, 'duty', 5, '2020-01-31');
  await record(v.a1, 'duty', 6, '2020-03-01');
  const commended = await managerA.post(`${API}/volunteers/${v.a1}/commendations`, {
    title: '优秀志愿者',
    reason: '连续值守卡点 20 天',
    occurredOn: TO,
  });
  expect(commended.statusCode, commended.body).toBe(201);
  // A2 and A3 tie on 9.75 h, A3's from tenths that do not add up exactly in binary.
  await record(v.a2, 'duty', 4, '2020-02-05');
  await record(v.a2, 'duty', 5.75, '2020-02-06');
  await record(v.a2, 'inspection', null, '2020-02-07');
  await record(v.a3, 'errand', 0.1, '2020-02-11');
  await record(v.a3, 'errand', 0.2, '2020-02-12');
  await record(v.a3, 'disinfection', 9.45, '2020-02-13');
  await record(v.a4, 'screening', null, '2020-02-14');
  await record(v.a4, 'other', 1, '2020-02-15');
  await record(v.a5, 'duty', 3, '2020-03-02');
  await record(v.b1, 'duty', 22, '2020-02-20');
  await record(v.b2, 'commendation', null, '2020-02-21');

  teams.ta = await createTeam(managerA, 'T1 突击队', w.a.county.id, [v.a1, v.a2]);
  teams.ta2 = await createTeam(managerA, 'T2 先锋队', w.a.township.id, [v.a2, v.a3, v.a5]);
  teams.te = await createTeam(managerA, 'T3 应急队', w.a.community.id, [v.a5]);
  teams.tb = await createTeam(managerB, 'T4 乙县队', w.b.county.id, [v.b1]);
});
afterAll(() => t.close());

describe('volunteer rankings', () => {
  it('adds up each volunteer’s service records of the period, both days included', async () => {
    const r = await rank(managerA, { regionId: w.a.county.id });
    expect(r.region).toEqual({ id: w.a.county.id, name: w.a.county.name });
    expect(r).toMatchObject({ subject: 'volunteer', metric: 'hours', from: FROM, to: TO, total: 4 });
    expect(r.items.map((i) => [i.rank, i.id])).toEqual([
      [1, v.a1],
      [2, v.a2],
      [2, v.a3],
      [4, v.a4],
    ]);
    const a1 = r.items[0]!;
    expect(a1).toEqual({
      rank: 1,
      id: v.a1,
      name: 'A1 张明',
      regionName: `${w.a.community.name} ${w.a.grid.name}`,
      unitName: 'U-A 甲单位',
      volunteers: 1,
      hours: 10.25,
      entries: 4,
      byKind: { duty: 1, errand: 2, inspection: 0, screening: 0, disinfection: 0, commendation: 1, other: 0 },
    });
    expect(byId(r).get(v.a2)).toMatchObject({ regionName: w.a.community.name, hours: 9.75 });
    expect(byId(r).get(v.a3)).toMatchObject({ unitName: '自由职业', hours: 9.75 });

    // Each item equals the volunteer's own service record, cut to the period.
    for (const item of r.items) {
      const res = await managerA.get(`${API}/volunteers/${item.id}/service-record`);
      expect(res.statusCode, res.body).toBe(200);
      const entries = (res.json() as { items: { kind: ServiceKind; hours: number | null; occurredOn: string }[] }).items.filter(
        (e) => e.occurredOn >= FROM && e.occurredOn <= TO,
      );
      const byKind = Object.fromEntries(SERVICE_KINDS.map((k) => [k, entries.filter((e) => e.kind === k).length]));
      const hours = Math.round(entries.reduce((s, e) => s + (e.hours ?? 0), 0) * 100) / 100;
      expect({ hours: item.hours, entries: item.entries, byKind: item.byKind }).toEqual({
        hours,
        entries: entries.length,
        byKind,
      });
    }
  });

  it('ranks only subjects with entries, and carries the ranks on to later pages', async () => {
    const page2 = await rank(managerA, { regionId: w.a.county.id, limit: 2, offset: 2 });
    expect(page2.total).toBe(4);
    expect(page2.items.map((i) => [i.rank, i.id])).toEqual([
      [2, v.a3],
      [4, v.a4],
    ]);
    const beyond = await rank(managerA, { regionId: w.a.county.id, offset: 10 });
    expect(beyond).toMatchObject({ total: 4, items: [] });
    const empty = await rank(managerA, { regionId: w.a.county.id, from: '2019-01-01', to: '2019-12-31' });
    expect(empty).toMatchObject({ total: 0, items: [] });
  });

  it('ranks by the count of one kind of entry, ties ordered by name', async () => {
    const duty = await rank(managerA, { regionId: w.a.county.id, metric: 'duty' });
    expect(duty.items.map((i) => [i.rank, i.id, i.byKind.duty])).toEqual([
      [1, v.a2, 2],
      [2, v.a1, 1],
      [3, v.a3, 0],
      [3, v.a4, 0],
    ]);
  });

  it('narrows to a township, and widens to the city for whoever holds it', async () => {
    const township = await rank(managerA, { regionId: w.a.township.id });
    expect(township.items.map((i) => i.id)).toEqual([v.a1, v.a2, v.a3, v.a4]);
    const grid = await rank(managerA, { regionId: w.a.grid.id });
    expect(grid.items.map((i) => [i.rank, i.id])).toEqual([
      [1, v.a1],
      [2, v.a3],
      [3, v.a4],
    ]);
    const city = await rank(commander);
    expect(city.region.id).toBe(w.city.id);
    expect(city.total).toBe(6);
    expect(city.items.map((i) => [i.rank, i.id])[0]).toEqual([1, v.b1]);
    expect(byId(city).get(v.a1)!.rank).toBe(2);
    expect((await rank(admin)).region.id).toBe(w.city.id);
  });
});

describe('team and unit rankings', () => {
  it('adds up the entries of each team’s current members', async () => {
    const r = await rank(managerA, { regionId: w.a.county.id, subject: 'team' });
    expect(r.total).toBe(2);
    expect(r.items).toEqual([
      {
        rank: 1,
        id: teams.ta,
        name: 'T1 突击队',
        regionName: w.a.county.name,
        unitName: null,
        volunteers: 2,
        hours: 20,
        entries: 7,
        byKind: { duty: 3, errand: 2, inspection: 1, screening: 0, disinfection: 0, commendation: 1, other: 0 },
      },
      {
        rank: 2,
        id: teams.ta2,
        name: 'T2 先锋队',
        regionName: w.a.township.name,
        unitName: null,
        volunteers: 2,
        hours: 19.5,
        entries: 6,
        byKind: { duty: 2, errand: 2, inspection: 1, screening: 0, disinfection: 1, commendation: 0, other: 0 },
      },
    ]);

    const removed = await managerA.delete(`${API}/teams/${teams.ta}/members/${v.a1}`);
    expect(removed.statusCode, removed.body).toBeLessThan(300);
    const after = byId(await rank(managerA, { regionId: w.a.county.id, subject: 'team' }));
    expect(after.get(teams.ta)).toMatchObject({ rank: 2, volunteers: 1, hours: 9.75, entries: 3 });
    expect(after.get(teams.ta2)).toMatchObject({ rank: 1 });
    expect((await managerA.post(`${API}/teams/${teams.ta}/members`, { volunteerId: v.a1 })).statusCode).toBe(201);

    const city = await rank(commander, { subject: 'team' });
    expect(city.items.map((i) => [i.rank, i.id])).toEqual([
      [1, teams.tb],
      [2, teams.ta],
      [3, teams.ta2],
    ]);
  });

  it('adds up the entries of each unit’s registered volunteers', async () => {
    const r = await rank(managerA, { regionId: w.a.county.id, subject: 'unit' });
    expect(r.total).toBe(1);
    expect(r.items).toEqual([
      {
        rank: 1,
        id: units.ua,
        name: 'U-A 甲单位',
        regionName: w.a.township.name,
        unitName: null,
        volunteers: 3,
        hours: 21,
        entries: 9,
        byKind: { duty: 3, errand: 2, inspection: 1, screening: 1, disinfection: 0, commendation: 1, other: 1 },
      },
    ]);
    const city = await rank(commander, { subject: 'unit', metric: 'commendation' });
    expect(city.items.map((i) => [i.rank, i.id])).toEqual([
      [1, units.ua],
      [2, units.ub],
    ]);
  });
});

describe('access and bad input', () => {
  it('shows another county’s region like a missing one, and another county’s volunteers nowhere', async () => {
    const foreign = await managerB.get(`${API}/recognition/rankings?${query({ regionId: w.a.county.id })}`);
    const missing = await managerB.get(`${API}/recognition/rankings?${query({ regionId: newId() })}`);
    expectError(foreign, 404);
    expect(foreign.body).toBe(missing.body);
    expectError(await managerB.get(`${API}/recognition/rankings/xlsx?${query({ regionId: w.a.township.id })}`), 404);
    expectError(await managerB.get(`${API}/recognition/rankings?${query({ regionId: w.city.id })}`), 404);

    const own = await rank(managerB);
    expect(own.region.id).toBe(w.b.county.id);
    expect(own.items.map((i) => i.id)).toEqual([v.b1, v.b2]);
    expect((await rank(managerB, { subject: 'team' })).items.map((i) => i.id)).toEqual([teams.tb]);
    expect((await rank(managerB, { subject: 'unit' })).items.map((i) => i.id)).toEqual([units.ub]);
  });

  it('refuses a period ending before it starts on `to`, in the caller’s language', async () => {
    const bad = await managerA.get(`${API}/recognition/rankings?${query({ from: TO, to: FROM })}`);
    expect(expectError(bad, 422, 'VALIDATION').fields).toEqual({ to: '结束日期不能早于开始日期' });
    managerA.lang = 'en';
    const en = await managerA.get(`${API}/recognition/rankings/xlsx?${query({ from: TO, to: FROM })}`);
    managerA.lang = 'zh-CN';
    expect(expectError(en, 422).fields).toEqual({ to: 'The end date cannot be before the start date' });

    const malformed = await managerA.get(`${API}/recognition/rankings?from=2020-02-01&subject=street&metric=other&limit=0`);
    expect(Object.keys(expectError(malformed, 400).fields ?? {}).sort()).toEqual([
      'query.limit',
      'query.metric',
      'query.subject',
      'query.to',
    ]);
  });
});

describe('the Excel file', () => {
  it('holds the same figures under Chinese headings, with a title and period, ready to print', async () => {
    const res = await managerA.get(`${API}/recognition/rankings/xlsx?${query({ regionId: w.a.county.id })}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`表彰排行-${w.a.county.name}-${FROM}至${TO}.xlsx`)}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getCell(1, 1).value)).toBe(`${w.a.county.name}志愿服务排行（志愿者）`);
    expect(String(sheet.getCell(2, 1).value)).toContain(`统计期间：${FROM} 至 ${TO}`);
    expect(String(sheet.getCell(2, 1).value)).toContain('排序依据：服务时长');
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      '名次',
      '名称',
      '所属区划',
      '单位',
      '人数',
      '服务时长(小时)',
      '值守',
      '代办',
      '督查',
      '排查',
      '消杀',
      '表彰',
    ]);
    const r = await rank(managerA, { regionId: w.a.county.id });
    const line = (i: RankingItem) => [
      i.rank,
      i.name,
      i.regionName,
      i.unitName ?? undefined,
      i.volunteers,
      i.hours,
      i.byKind.duty,
      i.byKind.errand,
      i.byKind.inspection,
      i.byKind.screening,
      i.byKind.disinfection,
      i.byKind.commendation,
    ];
    r.items.forEach((item, n) => expect((sheet.getRow(4 + n).values as unknown[]).slice(1)).toEqual(line(item)));
    expect(sheet.rowCount).toBe(3 + r.items.length);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:3' });
  });

  it('says so under the rows when the ranking was cut', async () => {
    const item: RankingItem = {
      rank: 1,
      id: newId(),
      name: '甲',
      regionName: '区',
      unitName: null,
      volunteers: 1,
      hours: 1,
      entries: 1,
      byKind: { duty: 1, errand: 0, inspection: 0, screening: 0, disinfection: 0, commendation: 0, other: 0 },
    };
    const file = await rankingWorkbook({
      region: { id: newId(), name: '区' },
      subject: 'volunteer',
      metric: 'hours',
      from: FROM,
      to: TO,
      total: 12_345,
      items: [item],
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(5);
    expect(String(sheet.getCell(5, 1).value)).toContain('仅列出前 1 名，共 12,345 名');
  });
});
