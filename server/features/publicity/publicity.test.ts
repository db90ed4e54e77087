import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, auditRows, expectError, snapshot } from '../../../test/requests.ts';
import { addDays, calendarDate, zonedInstant } from '../../platform/dates.ts';

let t: TestApp;
let w: TwoCounties;
let manager: Client;
let volunteer: Client;
let other: Client;
let cpA: string;
let cpB: string;
let cpTownship2: string;
let teamId: string;
/** A team of county B: neither the volunteer's nor their area's. */
let foreignTeam: string;

const today = () => calendarDate(t.deps.config.timeZone);
const poster = (o: Record<string, unknown> = {}) => ({
  material: 'poster',
  title: '《致居民的一封信》',
  quantity: 120,
  regionId: w.a.community.id,
  ...o,
});

async function checkpoint(c: Client, regionId: string, name: string): Promise<string> {
  const res = await c.post(`${API}/checkpoints`, {
    name,
    kind: 'estate_gate',
    regionId,
    risk: 2,
    hours24: true,
    shiftPattern: [{ start: '08:00', end: '20:00', people: 2 }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  await t.factory.account({
    login: 'pub-manager',
    name: '刘主任',
    grants: [{ role: 'region_manager', regionId: w.a.county.id }],
  });
  await t.factory.account({ login: 'pub-admin', grants: [{ role: 'admin', regionId: null }] });
  const vAccount = await t.factory.account({
    login: 'pub-volunteer',
    name: '孙丽',
    grants: [{ role: 'volunteer', regionId: w.a.community.id }],
  });
  await t.factory.account({ login: 'pub-other', name: '赵志愿', grants: [{ role: 'volunteer', regionId: w.a.community.id }] });
  const vol = await t.factory.volunteer({ regionId: w.a.grid.id, accountId: vAccount.id, name: '孙丽' });
  manager = await t.signIn('pub-manager');
  volunteer = await t.signIn('pub-volunteer');
  other = await t.signIn('pub-other');
  const admin = await t.signIn('pub-admin');
  cpA = await checkpoint(manager, w.a.grid.id, '雪松小区东门');
  cpTownship2 = await checkpoint(manager, (await t.factory.region({ parent: w.a.township2 })).id, '另一街道卡点');
  cpB = await checkpoint(admin, w.b.grid.id, '外县卡点');
  const team = await manager.post(`${API}/teams`, {
    name: '雪松社区志愿服务队',
    kind: 'volunteer_service',
    regionId: w.a.community.id,
  });
  teamId = team.json().id;
  expect((await manager.post(`${API}/teams/${teamId}/members`, { volunteerId: vol.id })).statusCode).toBe(201);
  foreignTeam = (
    await admin.post(`${API}/teams`, { name: '外县服务队', kind: 'volunteer_service', regionId: w.b.community.id })
  ).json().id;
});
afterAll(() => t.close());

describe('publicity logs', () => {
  it('logs an entry in the caller’s area with checkpoint, place, team and time', async () => {
    // Logged later the same day: three hours ago, or at midnight when the day is younger than that.
    const midnight = zonedInstant(t.deps.config.timeZone, today(), '00:00').getTime();
    const doneAt = new Date(Math.max(Date.now() - 3 * 3600_000, midnight)).toISOString();
    const res = await volunteer.post(
      `${API}/publicity/logs`,
      poster({ checkpointId: cpA, place: '东门公告栏', teamId, doneAt, note: '  张贴牢固  ' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      material: 'poster',
      title: '《致居民的一封信》',
      quantity: 120,
      regionId: w.a.community.id,
      checkpointId: cpA,
      checkpointName: '雪松小区东门',
      place: '东门公告栏',
      teamId,
      teamName: '雪松社区志愿服务队',
      byName: '孙丽',
      note: '张贴牢固',
      mine: true,
      doneAt,
    });
    const [audit] = await auditRows(t.deps, { action: 'publicity.log', entityId: res.json().id });
    expect(audit).toBeDefined();
  });

  it('offers the caller’s teams and the checkpoints of a region in their area', async () => {
    expect((await volunteer.get(`${API}/publicity/teams`)).json().items).toEqual([{ id: teamId, name: '雪松社区志愿服务队' }]);
    expect((await other.get(`${API}/publicity/teams`)).json().items).toEqual([]);
    const places = (await volunteer.get(`${API}/publicity/checkpoints?regionId=${w.a.community.id}`)).json().items;
    expect(places.map((p: { id: string }) => p.id)).toEqual([cpA]);
    expectError(await volunteer.get(`${API}/publicity/checkpoints?regionId=${w.a.county.id}`), 404);
    expectError(await manager.get(`${API}/publicity/checkpoints?regionId=${w.b.community.id}`), 404);
  });

  it('refuses bad fields one by one, in Chinese and English, writing nothing', async () => {
    const before = await snapshot(t.deps);
    // Shapes the schema checks answer 400, rules the service checks 422; both name the field.
    const cases: [Record<string, unknown>, string, number, string, string][] = [
      [{ material: 'rumour' }, 'material', 400, '取值无效', 'Invalid value'],
      [{ title: '   ' }, 'title', 400, '不能为空白', 'blank'],
      [{ title: '长'.repeat(61) }, 'title', 400, '最多 60 个字符', 'At most 60 characters'],
      [{ quantity: 0 }, 'quantity', 400, '不能小于 1', 'at least 1'],
      [{ quantity: 100_001 }, 'quantity', 400, '不能大于 100000', 'at most 100000'],
      [{ quantity: 2.5 }, 'quantity', 400, '类型不正确', 'Wrong type'],
      [{ place: 'x'.repeat(101) }, 'place', 400, '最多 100 个字符', 'At most 100 characters'],
      [{ doneAt: new Date(Date.now() + 3600_000).toISOString() }, 'doneAt', 422, '不能晚于现在', 'cannot be in the future'],
      [{ doneAt: `${addDays(today(), -20)}T04:00:00.000Z` }, 'doneAt', 422, '14 天以内', 'up to 14 days late'],
      [{ checkpointId: cpB }, 'checkpointId', 422, '不在所选区域内', 'not in the chosen region'],
      [{ checkpointId: cpTownship2 }, 'checkpointId', 422, '不在所选区域内', 'not in the chosen region'],
      [{ teamId: foreignTeam }, 'teamId', 422, '队伍', 'team'],
    ];
    for (const [fields, field, status, zh, en] of cases) {
      const zhError = expectError(await volunteer.post(`${API}/publicity/logs`, poster(fields)), status);
      expect(zhError.fields?.[field], `${field} zh`).toContain(zh);
      volunteer.lang = 'en';
      const enError = expectError(await volunteer.post(`${API}/publicity/logs`, poster(fields)), status);
      volunteer.lang = 'zh-CN';
      expect(enError.fields?.[field]?.toLowerCase(), `${field} en`).toContain(en.toLowerCase());
    }
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('answers 404 for a region outside the caller’s area, another county’s above all', async () => {
    expectError(await volunteer.post(`${API}/publicity/logs`, poster({ regionId: w.b.community.id })), 404);
    expectError(await volunteer.post(`${API}/publicity/logs`, poster({ regionId: w.a.township2.id })), 404);
    expectError(await manager.post(`${API}/publicity/logs`, poster({ regionId: w.b.community.id })), 404);
    expectError(await manager.get(`${API}/publicity/logs?regionId=${w.b.county.id}`), 404);
  });

  it('shows volunteers their own entries and staff the area’s', async () => {
    await other.post(`${API}/publicity/logs`, poster({ material: 'notice', title: '疫情防控通告', quantity: 50 }));
    await manager.post(`${API}/publicity/logs`, poster({ material: 'banner', title: '众志成城 抗击疫情', quantity: 2 }));
    const mine = (await volunteer.get(`${API}/publicity/logs`)).json();
    expect(mine.items.every((l: { byName: string }) => l.byName === '孙丽')).toBe(true);
    // Asking for everyone changes nothing for a volunteer.
    expect((await volunteer.get(`${API}/publicity/logs?mine=false`)).json().total).toBe(mine.total);
    const all = (await manager.get(`${API}/publicity/logs`)).json();
    expect(new Set(all.items.map((l: { byName: string }) => l.byName))).toEqual(new Set(['孙丽', '赵志愿', '刘主任']));
    expect((await manager.get(`${API}/publicity/logs?mine=true`)).json().items).toHaveLength(1);
    const notices = (await manager.get(`${API}/publicity/logs?material=notice&from=${today()}&to=${today()}`)).json();
    expect(notices.items.map((l: { quantity: number }) => l.quantity)).toEqual([50]);
    expect((await manager.get(`${API}/publicity/logs?checkpointId=${cpA}`)).json().total).toBe(1);
    const e = expectError(await manager.get(`${API}/publicity/logs?from=${today()}&to=${addDays(today(), -1)}`), 422);
    expect(e.fields).toHaveProperty('to');
  });

  it('totals entries and quantities per material by child region, over a period', async () => {
    await manager.post(`${API}/publicity/logs`, poster({ regionId: w.a.township2.id, material: 'leaflet', quantity: 500 }));
    await manager.post(`${API}/publicity/logs`, poster({ regionId: w.a.county.id, material: 'broadcast_vehicle', quantity: 3 }));
    const county = (await manager.get(`${API}/publicity/totals?regionId=${w.a.county.id}`)).json();
    expect(county.region).toMatchObject({ id: w.a.county.id, level: 'county' });
    const byId = Object.fromEntries(
      county.items.map((r: { regionId: string; self: boolean }) => [`${r.regionId}${r.self ? '*' : ''}`, r]),
    );
    expect(byId[w.a.township.id].materials.poster).toEqual({ entries: 1, quantity: 120 });
    expect(byId[w.a.township.id].materials.notice).toEqual({ entries: 1, quantity: 50 });
    expect(byId[w.a.township.id].hasChildren).toBe(true);
    expect(byId[w.a.township2.id].materials.leaflet).toEqual({ entries: 1, quantity: 500 });
    expect(byId[`${w.a.county.id}*`].materials.broadcast_vehicle).toEqual({ entries: 1, quantity: 3 });
    expect(county.totals).toMatchObject({ entries: 5, quantity: 120 + 50 + 2 + 500 + 3 });

    // The caller's own area is the default; a period before today finds nothing.
    const mine = (await manager.get(`${API}/publicity/totals`)).json();
    expect(mine.region.id).toBe(w.a.county.id);
    const yesterday = (
      await manager.get(`${API}/publicity/totals?from=${addDays(today(), -1)}&to=${addDays(today(), -1)}`)
    ).json();
    expect(yesterday.totals.entries).toBe(0);
    expect(yesterday.items.length).toBeGreaterThan(0);
    // The community's row of its township: 120 posters and 50 notices at a glance.
    const township = (await manager.get(`${API}/publicity/totals?regionId=${w.a.township.id}&from=${today()}`)).json();
    const community = township.items.find((r: { regionId: string }) => r.regionId === w.a.community.id);
    expect(community.materials.poster.quantity).toBe(120);
    expect(community.materials.notice.quantity).toBe(50);
    expectError(await manager.get(`${API}/publicity/totals?regionId=${w.b.county.id}`), 404);
    // Another county's entries never reach the totals, even the admin's city-wide ones per county.
    const admin = await t.signIn('pub-admin');
    await admin.post(`${API}/publicity/logs`, poster({ regionId: w.b.community.id, quantity: 7 }));
    const city = (await admin.get(`${API}/publicity/totals?regionId=${w.city.id}`)).json();
    const b = city.items.find((r: { regionId: string }) => r.regionId === w.b.county.id);
    expect(b.quantity).toBe(7);
    expect((await manager.get(`${API}/publicity/totals?regionId=${w.a.county.id}`)).json().totals.quantity).toBe(675);
  });

  it('lets staff delete a wrong entry with a reason, audited with its content; volunteers cannot', async () => {
    const entry = (await volunteer.post(`${API}/publicity/logs`, poster({ quantity: 1200 }))).json();
    expectError(await volunteer.delete(`${API}/publicity/logs/${entry.id}?reason=${encodeURIComponent('多写了一个零')}`), 403);
    expectError(await manager.delete(`${API}/publicity/logs/${entry.id}`), 400);
    const res = await manager.delete(`${API}/publicity/logs/${entry.id}?reason=${encodeURIComponent('多写了一个零')}`);
    expect(res.statusCode, res.body).toBe(200);
    const [audit] = await auditRows(t.deps, { action: 'publicity.delete', entityId: entry.id });
    expect(JSON.parse(audit!.detail!)).toMatchObject({ reason: '多写了一个零', quantity: 1200, material: 'poster' });
    expectError(await manager.delete(`${API}/publicity/logs/${entry.id}?reason=x`), 404);
  });
});
