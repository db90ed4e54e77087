import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, expectError } from '../../../test/requests.ts';
import { calendarDate } from '../../platform/dates.ts';
import { makeOrder, makePost, makeShop } from './runs.test-helpers.ts';

let t: TestApp;
let w: TwoCounties;
let leader: Client;

const db = () => t.deps.db.db;

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  const post = await makePost(db(), t.factory, { gridId: w.a.grid.id });
  const shop = await makeShop(db(), { communityId: w.a.community.id, name: '惠民超市', isDefault: true });
  leader = await t.signIn(post.leader.login);
  const a = await makeOrder(db(), { post, contactName: '王秀兰', items: [{ goods: 'rice', quantity: 2 }] });
  const b = await makeOrder(db(), { post, contactName: '欧阳明', items: [{ goods: 'rice', quantity: 1 }] });
  await makeOrder(db(), { post, status: 'cancelled', contactName: '赵四' });
  const run = (await leader.post(`${API}/errands/runs`, { postId: post.id, orderIds: [a.id, b.id] })).json();
  await leader.put(`${API}/errands/runs/${run.id}/shops/${shop}`, {
    amountFen: 4_500,
    paidByVolunteerId: post.leader.volunteerId,
  });
});
afterAll(() => t.close());

describe('the public errand ledger of a community', () => {
  it('shows runs with shops and amounts, orders with masked names, totals; nothing personal', async () => {
    const res = await t.anonymous().get(`${API}/errands/ledger/${w.a.community.code}`);
    expect(res.statusCode, res.body).toBe(200);
    const l = res.json();
    expect(l.region).toEqual({ code: w.a.community.code, name: w.a.community.name });
    expect(l.to).toBe(calendarDate(t.deps.config.timeZone));
    expect(l.runs).toEqual([
      expect.objectContaining({
        bought: true,
        orders: 2,
        totalFen: 4_500,
        shops: [{ name: '惠民超市', amountFen: 4_500, hasReceipt: false }],
      }),
    ]);
    expect(l.orders.map((o: { name: string }) => o.name).sort()).toEqual(['王**', '欧**', '赵*'].sort());
    expect(l.totals).toEqual({ orders: 2, delivered: 0, runs: 1, boughtFen: 4_500, dueFen: 4_500, paidFen: 0 });
    expect(res.body).not.toMatch(/138|幸福小区|王秀兰/);
  });

  it('answers only for communities, and refuses bad periods by field', async () => {
    expectError(await t.anonymous().get(`${API}/errands/ledger/${w.a.county.code}`), 404);
    expectError(await t.anonymous().get(`${API}/errands/ledger/999999999999`), 404);
    const back = await t.anonymous().get(`${API}/errands/ledger/${w.a.community.code}?from=2026-02-07&to=2026-02-01`);
    expect(Object.keys(expectError(back, 422).fields!)).toEqual(['to']);
  });
});
