import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, expectError } from '../../../test/requests.ts';
import { makeOrder, makePost } from './runs.test-helpers.ts';

let t: TestApp;
let w: TwoCounties;
let manager: Client;
let managerB: Client;

const db = () => t.deps.db.db;
const DAY = '2026-02-03';
const at = (hhmm: string, day = DAY) => `${day}T${hhmm}:00.000Z`;

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  const post = await makePost(db(), t.factory, { gridId: w.a.grid.id });
  const grid2 = await t.factory.region({ parent: w.a.community });
  const post2 = await makePost(db(), t.factory, { gridId: grid2.id });
  // Grid 1: claimed after 10, 20 and 40 minutes; two delivered (one late), one still on its way.
  await makeOrder(db(), {
    post,
    status: 'delivered',
    createdAt: at('01:00'),
    claimedAt: at('01:10'),
    deliveredAt: at('03:00'),
    deliverBy: at('05:00'),
    amountDueFen: 3_000,
    paidFen: 3_000,
  });
  await makeOrder(db(), {
    post,
    status: 'confirmed',
    createdAt: at('02:00'),
    claimedAt: at('02:20'),
    deliveredAt: at('08:00'),
    deliverBy: at('06:00'),
    amountDueFen: 1_500,
  });
  await makeOrder(db(), { post, status: 'delivering', createdAt: at('04:00'), claimedAt: at('04:40') });
  // Grid 2, the next day: one new, one cancelled.
  await makeOrder(db(), { post: post2, status: 'new', createdAt: at('01:00', '2026-02-04') });
  await makeOrder(db(), { post: post2, status: 'cancelled', createdAt: at('02:00', '2026-02-04') });
  // County B: not counted for county A's manager.
  const postB = await makePost(db(), t.factory, { gridId: w.b.grid.id });
  await makeOrder(db(), { post: postB, status: 'new', createdAt: at('01:00') });
  const m = await t.factory.account({ grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  manager = await t.signIn(m.login);
  const mb = await t.factory.account({ grants: [{ role: 'region_manager', regionId: w.b.county.id }] });
  managerB = await t.signIn(mb.login);
});
afterAll(() => t.close());

describe('errand numbers', () => {
  it('counts per grid: orders, medians, share on time, amounts', async () => {
    const res = await manager.get(`${API}/errands/numbers?from=2026-02-01&to=2026-02-07&by=grid`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.rows).toHaveLength(2);
    const [first, second] = body.rows;
    expect(first).toMatchObject({
      key: w.a.grid.id,
      orders: 3,
      delivered: 2,
      open: 1,
      cancelled: 0,
      medianClaimMinutes: 20,
      medianDeliveryMinutes: 240,
      onTimeShare: 0.5,
      dueFen: 4_500,
      paidFen: 3_000,
    });
    expect(second).toMatchObject({ orders: 2, open: 1, cancelled: 1, medianClaimMinutes: null, onTimeShare: null });
    expect(body.total).toMatchObject({ orders: 5, delivered: 2 });
  });

  it('counts per community, county and day', async () => {
    const community = (await manager.get(`${API}/errands/numbers?from=2026-02-01&to=2026-02-07&by=community`)).json();
    expect(community.rows).toEqual([expect.objectContaining({ key: w.a.community.id, name: w.a.community.name, orders: 5 })]);
    const county = (await manager.get(`${API}/errands/numbers?from=2026-02-01&to=2026-02-07&by=county`)).json();
    expect(county.rows).toEqual([expect.objectContaining({ key: w.a.county.id, orders: 5 })]);
    const days = (
      await manager.get(`${API}/errands/numbers?from=2026-02-01&to=2026-02-07&by=day&regionId=${w.a.community.id}`)
    ).json();
    expect(days.rows.map((r: { key: string; orders: number }) => [r.key, r.orders])).toEqual([
      ['2026-02-03', 3],
      ['2026-02-04', 2],
    ]);
  });

  it('keeps to the caller’s area and refuses bad periods by field', async () => {
    const b = (await managerB.get(`${API}/errands/numbers?from=2026-02-01&to=2026-02-07`)).json();
    expect(b.total.orders).toBe(1);
    expectError(await managerB.get(`${API}/errands/numbers?regionId=${w.a.community.id}`), 404);
    const back = await manager.get(`${API}/errands/numbers?from=2026-02-07&to=2026-02-01`);
    expect(Object.keys(expectError(back, 422).fields!)).toEqual(['to']);
    const long = await manager.get(`${API}/errands/numbers?from=2026-01-01&to=2026-06-01`);
    expect(expectError(long, 422).fields!.from).toBe('时间段最长 92 天');
    const volunteer = await t.factory.account({ grants: [{ role: 'volunteer', regionId: w.a.grid.id }] });
    expectError(await (await t.signIn(volunteer.login)).get(`${API}/errands/numbers`), 403);
  });
});
