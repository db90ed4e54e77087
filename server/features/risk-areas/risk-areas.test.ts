import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, auditRows, expectError, snapshot } from '../../../test/requests.ts';
import { riskAreasService, type RiskAreasService } from './risk-areas.service.ts';

let t: TestApp;
let w: TwoCounties;
let commander: Client;
let volunteer: Client;
let riskAreas: RiskAreasService;

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  await t.factory.account({ login: 'ra-commander', grants: [{ role: 'commander', regionId: w.city.id }] });
  await t.factory.account({ login: 'ra-volunteer', grants: [{ role: 'volunteer', regionId: w.a.grid.id }] });
  commander = await t.signIn('ra-commander');
  volunteer = await t.signIn('ra-volunteer');
  riskAreas = riskAreasService(t.deps);
});
afterAll(() => t.close());

describe('divisions', () => {
  it('finds divisions by name and code for any signed-in account', async () => {
    const res = await volunteer.get(`${API}/divisions?q=${encodeURIComponent('江岸')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toEqual({ code: '420102', name: '江岸区', fullName: '湖北省 武汉市 江岸区', level: 'county' });
    const children = (await volunteer.get(`${API}/divisions?parent=411700&limit=100`)).json().items;
    expect(children.map((d: { name: string }) => d.name)).toContain('驿城区');
    expect(children).toHaveLength(11);
    expect((await volunteer.get(`${API}/divisions`)).json().items).toHaveLength(20);
  });

  it('answers one division by code, 404 for an unknown one, and a field error for a malformed code', async () => {
    expect((await volunteer.get(`${API}/divisions/411702`)).json()).toMatchObject({ fullName: '河南省 驻马店市 驿城区' });
    expectError(await volunteer.get(`${API}/divisions/411701`), 404);
    const bad = expectError(await volunteer.get(`${API}/divisions/41170`), 400);
    expect(bad.fields?.['params.code']).toBe('应为 6 位行政区划代码（如 420102）');
    const unknown = expectError(await volunteer.get(`${API}/divisions?parent=999999`), 422);
    expect(unknown.fields?.parent).toBe('不是已知的省、市、县级行政区划代码');
  });

  it('needs a session', async () => {
    expectError(await t.anonymous().get(`${API}/divisions?q=1`), 401);
  });
});

describe('risk areas', () => {
  it('lets the organisation department list an area with its full name, and everyone read it', async () => {
    const res = await commander.post(`${API}/risk-areas`, {
      code: '420100',
      level: 'high',
      startsOn: '2020-01-23',
      note: ' 封城 ',
    });
    expect(res.statusCode, res.body).toBe(201);
    const area = res.json();
    expect(area).toMatchObject({
      code: '420100',
      name: '湖北省 武汉市',
      level: 'high',
      endsOn: null,
      note: '封城',
      active: true,
    });
    expect(await auditRows(t.deps, { action: 'riskArea.create', entityId: area.id })).toHaveLength(1);
    const listed = (await volunteer.get(`${API}/risk-areas?active=true`)).json().items;
    expect(listed.map((a: { id: string }) => a.id)).toContain(area.id);
    expectError(await volunteer.post(`${API}/risk-areas`, { code: '420100', level: 'high', startsOn: '2020-01-23' }), 403);
  });

  it('refuses an unknown code, an end before the start and an overlapping period, in the caller’s language, writing nothing', async () => {
    const before = await snapshot(t.deps);
    const unknown = expectError(
      await commander.post(`${API}/risk-areas`, { code: '429000', level: 'high', startsOn: '2020-02-01' }),
      422,
    );
    expect(unknown.fields?.code).toBe('不是已知的省、市、县级行政区划代码');
    const backwards = expectError(
      await commander.post(`${API}/risk-areas`, {
        code: '421000',
        level: 'medium',
        startsOn: '2020-02-10',
        endsOn: '2020-02-01',
      }),
      422,
    );
    expect(backwards.fields?.endsOn).toBe('结束日期不能早于开始日期');
    const overlap = expectError(
      await commander.post(`${API}/risk-areas`, {
        code: '420100',
        level: 'medium',
        startsOn: '2019-12-01',
        endsOn: '2020-01-23',
      }),
      409,
      'RISK_AREA_OVERLAP',
    );
    expect(overlap.message).toContain('湖北省 武汉市');
    commander.lang = 'en';
    try {
      const en = expectError(
        await commander.post(`${API}/risk-areas`, { code: '429000', level: 'high', startsOn: '2020-02-01' }),
        422,
      );
      expect(en.fields?.code).toBe('Not a known province, city or county code');
    } finally {
      commander.lang = 'zh-CN';
    }
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('makes one area of a retried create', async () => {
    const body = { code: '421100', level: 'medium', startsOn: '2020-01-25', endsOn: '2020-03-01' };
    const headers = { 'idempotency-key': 'ra-retry-1' };
    const first = await commander.post(`${API}/risk-areas`, body, headers);
    const second = await commander.post(`${API}/risk-areas`, body, headers);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    const rows = await t.deps.db.db.selectFrom('riskAreas').select('id').where('code', '=', '421100').execute();
    expect(rows).toHaveLength(1);
  });

  it('edits and lifts an area; a period ending before today is no longer active', async () => {
    const area = (await commander.post(`${API}/risk-areas`, { code: '130100', level: 'medium', startsOn: '2021-01-02' })).json();
    const ended = await commander.patch(`${API}/risk-areas/${area.id}`, { endsOn: '2021-02-01', note: '解除' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ endsOn: '2021-02-01', note: '解除', active: false });
    const backwards = expectError(await commander.patch(`${API}/risk-areas/${area.id}`, { startsOn: '2021-03-01' }), 422);
    expect(Object.keys(backwards.fields ?? {})).toEqual(['endsOn']);
    expect((await volunteer.get(`${API}/risk-areas?active=false`)).json().items.map((a: { id: string }) => a.id)).toContain(
      area.id,
    );
    expect((await commander.delete(`${API}/risk-areas/${area.id}`)).statusCode).toBe(200);
    expectError(await commander.delete(`${API}/risk-areas/${area.id}`), 404);
    expect(await auditRows(t.deps, { action: 'riskArea.delete', entityId: area.id })).toHaveLength(1);
  });

  it('matches an origin to the area covering it on the day: a province or city covers what lies under it', async () => {
    await commander.post(`${API}/risk-areas`, { code: '340000', level: 'medium', startsOn: '2020-02-01', endsOn: '2020-02-29' });
    await commander.post(`${API}/risk-areas`, { code: '340100', level: 'high', startsOn: '2020-02-10', endsOn: '2020-02-20' });
    const db = t.deps.db.db;
    expect(await riskAreas.match(db, '340102', '2020-02-05')).toMatchObject({ code: '340000', level: 'medium' });
    expect(await riskAreas.match(db, '340102', '2020-02-15')).toMatchObject({ code: '340100', level: 'high' });
    expect(await riskAreas.match(db, '340200', '2020-02-15')).toMatchObject({ code: '340000' });
    expect(await riskAreas.match(db, '340102', '2020-03-01')).toBeNull();
    expect(await riskAreas.match(db, '350102', '2020-02-15')).toBeNull();
    // Open-ended: in force from its first day on.
    expect(await riskAreas.match(db, '420106', '2020-01-22')).toBeNull();
    expect(await riskAreas.match(db, '420106', '2026-01-01')).toMatchObject({ code: '420100' });
  });
});
