import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { API } from '../../test/requests.ts';
import { residentLink } from '../features/publicity/publicity.matrix.ts';
import { findRegionByCode } from '../features/regions/regions.repository.ts';
import { DEMO_PASSWORD, loadDemoCity } from './demo-city.ts';
import { loadDemoDuty } from './demo-duty.ts';
import { loadDemoPublicity, type DemoPublicitySummary } from './demo-publicity.ts';
import { loadDemoVolunteers } from './demo-volunteers.ts';

let t: TestApp;
let summary: DemoPublicitySummary | null;
beforeAll(async () => {
  t = await createTestApp();
  await loadDemoCity(t.deps);
  await t.deps.db.withoutSync(() => loadDemoVolunteers(t.deps));
  await t.deps.db.withoutSync(() => loadDemoDuty(t.deps));
  summary = await t.deps.db.withoutSync(() => loadDemoPublicity(t.deps));
}, 300_000);
afterAll(() => t.close());

const region = async (code: string) => (await findRegionByCode(t.deps.db.db, code))!;

describe('demo publicity and announcements', () => {
  it('loads two weeks of entries and six announcements, once', async () => {
    expect(summary).not.toBeNull();
    expect(summary!.logs).toBeGreaterThan(150);
    expect(summary!.leaflets).toBeGreaterThan(5000);
    expect(summary!.announcements).toBe(6);
    expect(await loadDemoPublicity(t.deps)).toBeNull();
  });

  it('shows 雪松社区’s manager the report’s 120 posters and 50 notices over the two weeks', async () => {
    const xuesong = await t.signIn('xuesong', DEMO_PASSWORD);
    const res = await xuesong.get(`${API}/publicity/totals`);
    expect(res.statusCode, res.body).toBe(200);
    const totals = res.json();
    expect(totals.region.name).toBe('雪松社区');
    expect(totals.totals.materials.poster.quantity).toBe(120);
    expect(totals.totals.materials.notice.quantity).toBe(50);
    expect(totals.totals.materials.group_message.entries).toBeGreaterThan(3);
  });

  it('shows the district its leaflets at the motorway exits and its broadcast vans in the villages', async () => {
    const yicheng = await t.signIn('yicheng', DEMO_PASSWORD);
    const township = await region('411702100');
    const totals = (await yicheng.get(`${API}/publicity/totals?regionId=${township.id}`)).json();
    const station = totals.items.find((r: { regionName: string }) => r.regionName === '京港澳高速驻马店北站');
    expect(station.materials.leaflet.quantity).toBeGreaterThan(2000);
    const village = totals.items.find((r: { regionName: string }) => r.regionName === '水屯村');
    expect(village.materials.broadcast_vehicle.entries).toBeGreaterThan(5);
    const logs = (await yicheng.get(`${API}/publicity/logs?material=leaflet&limit=5`)).json();
    expect(logs.items[0].checkpointName).toMatch(/出口卡点$/);
  });

  it('shows the volunteer her own entries only', async () => {
    const sunLi = await t.signIn('volunteer', DEMO_PASSWORD);
    const mine = (await sunLi.get(`${API}/publicity/logs?limit=200`)).json();
    expect(mine.total).toBeGreaterThan(3);
    expect(new Set(mine.items.map((l: { byName: string }) => l.byName))).toEqual(new Set(['孙丽']));
  });

  it('puts the city notice and 雪松社区’s current notice on its residents’ pages; tomorrow’s and past ones not yet or no more', async () => {
    const grid = await region('411702008-001-01');
    const token = await residentLink(t.deps.db.db, grid.id);
    const items = (await t.anonymous().get(`${API}/h/${token}/announcements`)).json().items as { title: string }[];
    expect(items.map((a) => a.title)).toEqual([
      '雪松社区关于实行封闭式管理的通知',
      '驻马店市新型冠状病毒感染的肺炎疫情防控指挥部通告（第3号）',
      '驿城区关于返乡人员登记报备的通告',
    ]);
    const xuesong = await t.signIn('xuesong', DEMO_PASSWORD);
    const statuses = (await xuesong.get(`${API}/announcements`)).json().items.map((a: { status: string }) => a.status);
    expect(statuses.sort()).toEqual(['current', 'expired', 'scheduled', 'withdrawn']);
  });
});
