import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, expectError } from '../../../test/requests.ts';
import { residentLink } from '../publicity/publicity.matrix.ts';
import { insertErrandLink, insertHousehold } from './orders.test-helpers.ts';

let t: TestApp;
let w: TwoCounties;
let sibling: { id: string };
let county: Client;
let countyB: Client;

const DAY = 86_400_000;
const announce = (client: Client, regionId: string, title: string) =>
  client.post(`${API}/announcements`, {
    regionId,
    title,
    body: `${title}：请居民相互转告。`,
    expiresAt: new Date(Date.now() + 7 * DAY).toISOString(),
  });
const titles = (res: { json: () => { items: { title: string }[] } }) => res.json().items.map((a) => a.title);

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  sibling = await t.factory.region({ parent: w.a.community, name: '二网格' });
  await t.factory.account({ login: 'el-county', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  await t.factory.account({ login: 'el-county-b', grants: [{ role: 'region_manager', regionId: w.b.county.id }] });
  county = await t.signIn('el-county');
  countyB = await t.signIn('el-county-b');
  for (const [client, regionId, title] of [
    [county, w.a.community.id, '社区封闭管理通告'],
    [county, w.a.grid.id, '一网格明日核酸检测'],
    [county, sibling.id, '二网格停水通知'],
    [countyB, w.b.community.id, '外县社区通告'],
  ] as const) {
    expect((await announce(client, regionId, title)).statusCode).toBe(201);
  }
});
afterAll(() => t.close());

describe('announcements on the errand page', () => {
  it('answers a household’s link with its grid’s and community’s announcements, never a sibling’s or another county’s', async () => {
    const home = await insertHousehold(t.deps.db.db, w.a.grid.id);
    const token = await insertErrandLink(t.deps.db.db, home.id);
    const res = await t.anonymous().get(`${API}/e/${token}/announcements`);
    expect(res.statusCode, res.body).toBe(200);
    expect(titles(res)).toEqual(['一网格明日核酸检测', '社区封闭管理通告']);
    expect(res.json().items[0]).toMatchObject({ fromName: expect.any(String), fromLevel: 'grid' });
    // The health page's route does not know a household's link: that is why the errand page asks its own.
    expectError(await t.anonymous().get(`${API}/h/${token}/announcements`), 404);
  });

  it('answers an isolated person’s health link opened on the errand page for their own grid', async () => {
    const token = await residentLink(t.deps.db.db, sibling.id);
    const res = await t.anonymous().get(`${API}/e/${token}/announcements`);
    expect(res.statusCode, res.body).toBe(200);
    expect(titles(res)).toEqual(['二网格停水通知', '社区封闭管理通告']);
  });

  it('answers a revoked or unknown link as the page does: 404, counted against the address', async () => {
    const home = await insertHousehold(t.deps.db.db, w.a.grid.id);
    const token = await insertErrandLink(t.deps.db.db, home.id);
    await t.deps.db.db
      .updateTable('residentTokens')
      .set({ revokedAt: new Date().toISOString() })
      .where('householdId', '=', home.id)
      .execute();
    const guesser = t.anonymous('10.7.7.7');
    expectError(await guesser.get(`${API}/e/${token}/announcements`), 404, 'ERRAND_LINK_INVALID');
    expectError(await guesser.get(`${API}/e/${'B'.repeat(22)}/announcements`), 404, 'ERRAND_LINK_INVALID');
    for (let i = 2; i < 30; i++) await guesser.get(`${API}/e/${'C'.repeat(22)}/announcements`);
    expectError(await guesser.get(`${API}/e/${token}/announcements`), 429, 'RATE_LIMITED');
  });
});
