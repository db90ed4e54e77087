import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, expectError } from '../../../test/requests.ts';
import type { Checkpoint } from './checkpoints.schemas.ts';

let t: TestApp;
let w: TwoCounties;
let managerA: Client;
let managerB: Client;
let inspector: Client;

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  await t.factory.account({ login: 'manager-a', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  await t.factory.account({ login: 'manager-b', grants: [{ role: 'region_manager', regionId: w.b.county.id }] });
  await t.factory.account({ login: 'inspector', grants: [{ role: 'inspector', regionId: w.a.county.id }] });
  managerA = await t.signIn('manager-a');
  managerB = await t.signIn('manager-b');
  inspector = await t.signIn('inspector');
});
afterAll(() => t.close());

async function create(o: Record<string, unknown>): Promise<Checkpoint> {
  const res = await managerA.post(`${API}/checkpoints`, {
    kind: 'estate_gate',
    regionId: w.a.grid.id,
    risk: 4,
    hours24: false,
    opensAt: '06:00',
    closesAt: '00:00',
    shiftPattern: [
      { start: '06:00', end: '14:00', people: 2 },
      { start: '14:00', end: '00:00', people: 3 },
    ],
    ...o,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Anything a page could fetch from elsewhere (the SVG's xmlns is a name, not a fetch). */
const OUTSIDE = /<script\b|<link\b|<img\b|<iframe\b|\bsrc\s*=|\bhref\s*=|url\(|@import/i;

const pagesOf = (html: string) => html.match(/<section class="page">/g)?.length ?? 0;

describe('placards', () => {
  it('prints one self-contained A4 page with the check-in QR code and link, escaping every user text', async () => {
    const cp = await create({
      name: '<script>alert(1)</script>东门',
      address: '幸福路 "8" 号 & 院',
      note: '<b>不上牌</b>',
    });
    const res = await inspector.get(`${API}/checkpoints/${cp.id}/placard`, { host: 'duty.example.cn:8443' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'unsafe-inline'",
    );
    const html = res.body;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('@page { size: A4 portrait;');
    expect(pagesOf(html)).toBe(1);
    expect(html).toMatch(/<div class="qr"[^>]*><svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+"[^>]*><path/);
    expect(html).toContain('.qr { width: 100mm; height: 100mm; }');
    expect(html).toContain(`http://duty.example.cn:8443/duty/check-in/${cp.checkInCode}`);
    expect(html).toContain(`签到码 ${cp.checkInCode}`);
    expect(html).toContain('志愿者到岗请用手机扫码签到 / 签退');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;东门');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('幸福路 &quot;8&quot; 号 &amp; 院');
    expect(html).toContain(`${w.a.community.name} ${w.a.grid.name}`);
    expect(html).not.toContain('不上牌');
    for (const text of ['小区门岗', '高风险', '06:00–00:00', '06:00–14:00 2人', '14:00–00:00 3人', 'window.print()']) {
      expect(html).toContain(text);
    }
    expect(html.replace(/onclick="window\.print\(\)"/, '')).not.toMatch(OUTSIDE);
  });

  it('prints the active checkpoints of a region in one document, by place then name', async () => {
    const township = await t.factory.region({ parent: w.a.county, name: '批量街道' });
    const east = await t.factory.region({ parent: township, name: '东社区' });
    const west = await t.factory.region({ parent: township, name: '西社区' });
    const b = await create({ regionId: west.id, name: '乙门', hours24: true, opensAt: null, closesAt: null });
    const a = await create({ regionId: west.id, name: '甲门', hours24: true, opensAt: null, closesAt: null });
    const c = await create({ regionId: east.id, name: '丙门' });
    const shut = await create({ regionId: east.id, name: '丁门' });
    await managerA.patch(`${API}/checkpoints/${shut.id}`, { status: 'closed' });

    const res = await managerA.get(`${API}/checkpoints/placards?regionId=${township.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(pagesOf(res.body)).toBe(3);
    const order = [c, a, b].map((cp) => res.body.indexOf(cp.checkInCode));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(res.body).not.toContain(shut.checkInCode);
    expect(res.body).toContain('24 小时开放');
    expect(res.body).toContain('page-break-before: always');

    const empty = await managerA.get(`${API}/checkpoints/placards?regionId=${w.a.township2.id}`);
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('该区划下没有启用的卡点');
  });

  it('documents the placards as HTML in the OpenAPI document', async () => {
    const doc = (await t.anonymous().get('/api/openapi.json')).json();
    for (const path of ['/api/v1/checkpoints/{id}/placard', '/api/v1/checkpoints/placards']) {
      expect(Object.keys(doc.paths[path].get.responses['200'].content), path).toEqual(['text/html']);
      expect(doc.paths[path].get.responses['404']).toBeDefined();
    }
  });

  it('keeps other counties’ placards out of sight', async () => {
    const cp = await create({ name: '外县不可见' });
    expectError(await managerB.get(`${API}/checkpoints/${cp.id}/placard`), 404, 'NOT_FOUND');
    expectError(await managerB.get(`${API}/checkpoints/placards?regionId=${w.a.community.id}`), 404, 'NOT_FOUND');
    expectError(await managerA.get(`${API}/checkpoints/placards`), 400, 'VALIDATION');
  });
});
