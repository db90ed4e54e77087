import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import { API, auditRows, expectError, snapshot, snapshotChanges } from '../../../test/requests.ts';
import { makeOrder, makePost, makeShop, type TestPost } from './runs.test-helpers.ts';

let t: TestApp;
let w: TwoCounties;
let post: TestPost;
let leader: Client;
let member: Client;
let manager: Client;
let managerB: Client;
let superMarket: string;
let pharmacy: string;

const db = () => t.deps.db.db;
/** The PNG signature and a little more: what the server sniffs. */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  post = await makePost(db(), t.factory, { gridId: w.a.grid.id });
  superMarket = await makeShop(db(), { communityId: w.a.community.id, name: '惠民超市', isDefault: true });
  pharmacy = await makeShop(db(), { communityId: w.a.community.id, name: '仁和药房' });
  leader = await t.signIn(post.leader.login);
  member = await t.signIn(post.member.login);
  const m = await t.factory.account({ grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  manager = await t.signIn(m.login);
  const mb = await t.factory.account({ grants: [{ role: 'region_manager', regionId: w.b.county.id }] });
  managerB = await t.signIn(mb.login);
});
afterAll(() => t.close());

describe('bundling orders into a run', () => {
  it('lets the post’s leader bundle open orders; claimed ones move to purchasing; items go to the default shop', async () => {
    const a = await makeOrder(db(), {
      post,
      status: 'claimed',
      items: [
        { goods: 'rice', quantity: 5 },
        { goods: 'eggs', quantity: 2 },
      ],
    });
    const b = await makeOrder(db(), { post, status: 'new', items: [{ goods: 'rice', quantity: 10 }] });
    const candidates = await leader.get(`${API}/errands/runs/candidates?postId=${post.id}`);
    expect(candidates.statusCode, candidates.body).toBe(200);
    expect(candidates.json().canManage).toBe(true);
    expect(candidates.json().items.map((o: { id: string }) => o.id)).toEqual(expect.arrayContaining([a.id, b.id]));

    const res = await leader.post(`${API}/errands/runs`, { postId: post.id, orderIds: [a.id, b.id], note: '上午一趟' });
    expect(res.statusCode, res.body).toBe(201);
    const run = res.json();
    expect(run.ref).toMatch(/^CG-\d{8}-\d{4}$/);
    expect(run.status).toBe('open');
    expect(run.canManage).toBe(true);
    expect(run.lists).toHaveLength(1);
    expect(run.lists[0].shop.name).toBe('惠民超市');
    expect(run.lists[0].lines).toEqual([
      { product: 'goods-rice', name: 'rice', unit: '份', quantity: 15, orders: 2, costFen: null },
      { product: 'goods-eggs', name: 'eggs', unit: '份', quantity: 2, orders: 1, costFen: null },
    ]);
    expect(run.orders.find((o: { id: string }) => o.id === a.id).contactMobile).toBe('138****5678');
    const rows = await db()
      .selectFrom('errandOrders')
      .select(['id', 'status', 'runId'])
      .where('id', 'in', [a.id, b.id])
      .execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, [r.status, r.runId]]))).toEqual({
      [a.id]: ['purchasing', run.id],
      [b.id]: ['new', run.id],
    });
    const steps = await db()
      .selectFrom('errandOrderEvents')
      .select(['orderId', 'kind'])
      .where('orderId', 'in', [a.id, b.id])
      .execute();
    expect(steps.filter((s) => s.kind === 'bundled')).toHaveLength(2);
    expect(steps.filter((s) => s.kind === 'purchasing')).toEqual([{ orderId: a.id, kind: 'purchasing' }]);
    expect(await auditRows(t.deps, { action: 'errandRun.create' })).toHaveLength(1);

    // Bundled once only.
    const again = await leader.post(`${API}/errands/runs`, { postId: post.id, orderIds: [a.id] });
    expect(expectError(again, 422).fields).toEqual({ 'orderIds.0': expect.stringContaining('已在采办单中') });
    const list = await member.get(`${API}/errands/runs?postId=${post.id}`);
    expect(list.json().items.find((r: { id: string }) => r.id === run.id)).toMatchObject({ orders: 2, amountFen: 0 });
  });

  it('refuses a volunteer who does not lead the post, and another county’s staff', async () => {
    const o = await makeOrder(db(), { post });
    const before = await snapshot(t.deps);
    expectError(await member.post(`${API}/errands/runs`, { postId: post.id, orderIds: [o.id] }), 403);
    expectError(await managerB.post(`${API}/errands/runs`, { postId: post.id, orderIds: [o.id] }), 404);
    expect(snapshotChanges(before, await snapshot(t.deps))).toEqual({});
    const byManager = await manager.post(`${API}/errands/runs`, { postId: post.id, orderIds: [o.id] });
    expect(byManager.statusCode, byManager.body).toBe(201);
    expect(byManager.json().canManage).toBe(true);
  });

  it('refuses orders of another post, twice the same order, and delivered ones, by field', async () => {
    const other = await makePost(db(), t.factory, { gridId: w.b.grid.id });
    const foreign = await makeOrder(db(), { post: other });
    const done = await makeOrder(db(), { post, status: 'delivered' });
    const ok = await makeOrder(db(), { post });
    const res = await leader.post(`${API}/errands/runs`, { postId: post.id, orderIds: [ok.id, ok.id, foreign.id, done.id] });
    const fields = expectError(res, 422).fields!;
    expect(Object.keys(fields).sort()).toEqual(['orderIds.1', 'orderIds.2', 'orderIds.3']);
    const en = await leader.request(
      'POST',
      `${API}/errands/runs`,
      { postId: post.id, orderIds: [done.id] },
      { 'accept-language': 'en' },
    );
    expect(expectError(en, 422).fields!['orderIds.0']).toMatch(/already in a run or on its way/);
  });
});

describe('buying: amounts per shop, allocation, receipts', () => {
  it('allocates each shop’s amount to the items exactly, and marks the run bought when every shop is paid', async () => {
    const a = await makeOrder(db(), {
      post,
      items: [
        { goods: 'rice', quantity: 5 },
        { goods: 'fever_medicine', quantity: 1 },
      ],
    });
    const b = await makeOrder(db(), {
      post,
      items: [
        { goods: 'rice', quantity: 10 },
        { name: '酱油', unit: '瓶', quantity: 1 },
      ],
    });
    const c = await makeOrder(db(), { post, items: [{ goods: 'fever_medicine', quantity: 2 }] });
    const created = await leader.post(`${API}/errands/runs`, { postId: post.id, orderIds: [a.id, b.id, c.id] });
    const runId = created.json().id as string;

    // The medicine is bought at the pharmacy.
    const medicine = [a.itemIds[1]!, c.itemIds[0]!].map((itemId) => ({ itemId, shopId: pharmacy }));
    const moved = await leader.put(`${API}/errands/runs/${runId}/items`, { items: medicine });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().lists.map((l: { shop: { name: string } }) => l.shop.name)).toEqual(['惠民超市', '仁和药房']);

    // ¥100.01 at the supermarket, rice priced ¥60.00 on the receipt; soy sauce takes the rest.
    const paid = await leader.put(`${API}/errands/runs/${runId}/shops/${superMarket}`, {
      amountFen: 10_001,
      paidByVolunteerId: post.member.volunteerId,
      prices: [{ product: 'goods-rice', amountFen: 6_000 }],
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().status).toBe('open');
    const costs = async () =>
      Object.fromEntries(
        (
          await db().selectFrom('errandOrderItems').select(['id', 'costFen']).where('orderId', 'in', [a.id, b.id, c.id]).execute()
        ).map((r) => [r.id, r.costFen]),
      );
    expect(await costs()).toMatchObject({ [a.itemIds[0]!]: 2000, [b.itemIds[0]!]: 4000, [b.itemIds[1]!]: 4001 });

    // ¥30.00 at the pharmacy, nothing priced: 1 box and 2 boxes.
    const bought = await leader.put(`${API}/errands/runs/${runId}/shops/${pharmacy}`, {
      amountFen: 3_000,
      paidByVolunteerId: null,
    });
    expect(bought.statusCode, bought.body).toBe(200);
    const run = bought.json();
    expect(run.status).toBe('bought');
    expect(run.boughtAt).not.toBeNull();
    expect(run.totalFen).toBe(13_001);
    const due = Object.fromEntries(run.orders.map((o: { id: string; amountDueFen: number }) => [o.id, o.amountDueFen]));
    expect(due).toEqual({ [a.id]: 2000 + 1000, [b.id]: 4000 + 4001, [c.id]: 2000 });
    expect(Object.values(due).reduce((x: number, y) => x + (y as number), 0)).toBe(13_001);
    expect(run.lists.find((l: { shop: { id: string } }) => l.shop.id === superMarket).paid).toMatchObject({
      amountFen: 10_001,
      paidBy: { id: post.member.volunteerId },
      hasReceipt: false,
    });

    // Bought: shops can no longer change; a correction of an amount re-allocates.
    expectError(await leader.put(`${API}/errands/runs/${runId}/items`, { items: medicine }), 409, 'RUN_BOUGHT');
    const corrected = await leader.put(`${API}/errands/runs/${runId}/shops/${pharmacy}`, {
      amountFen: 3_300,
      paidByVolunteerId: null,
    });
    expect(corrected.json().orders.find((o: { id: string }) => o.id === c.id).amountDueFen).toBe(2200);
  });

  it('refuses prices that do not fit, a payer outside the post, and a shop with nothing to buy', async () => {
    const o = await makeOrder(db(), {
      post,
      items: [
        { goods: 'rice', quantity: 1 },
        { goods: 'eggs', quantity: 1 },
      ],
    });
    const runId = (await leader.post(`${API}/errands/runs`, { postId: post.id, orderIds: [o.id] })).json().id;
    const url = `${API}/errands/runs/${runId}/shops/${superMarket}`;
    const stranger = await t.factory.volunteer({ regionId: w.a.grid.id });
    const before = await snapshot(t.deps);
    const over = await leader.put(url, {
      amountFen: 100,
      paidByVolunteerId: null,
      prices: [{ product: 'goods-rice', amountFen: 150 }],
    });
    expect(expectError(over, 422).fields).toEqual({ amountFen: '各商品价格合计 ¥1.50 超过了实付金额' });
    const all = await leader.put(url, {
      amountFen: 100,
      paidByVolunteerId: null,
      prices: [
        { product: 'goods-rice', amountFen: 50 },
        { product: 'goods-eggs', amountFen: 40 },
      ],
    });
    expect(Object.keys(expectError(all, 422).fields!)).toEqual(['amountFen']);
    const payer = await leader.put(url, {
      amountFen: 100,
      paidByVolunteerId: stranger.id,
      prices: [{ product: 'goods-milk', amountFen: 1 }],
    });
    expect(Object.keys(expectError(payer, 422).fields!).sort()).toEqual(['paidByVolunteerId', 'prices.0.product']);
    expectError(
      await leader.put(`${API}/errands/runs/${runId}/shops/${pharmacy}`, { amountFen: 1, paidByVolunteerId: null }),
      404,
    );
    expectError(await member.put(url, { amountFen: 100, paidByVolunteerId: null }), 403);
    expect(snapshotChanges(before, await snapshot(t.deps))).toEqual({});
  });

  it('keeps the receipt photo of a paid shop and serves it to the post', async () => {
    const o = await makeOrder(db(), { post });
    const runId = (await leader.post(`${API}/errands/runs`, { postId: post.id, orderIds: [o.id] })).json().id;
    const url = `${API}/errands/runs/${runId}/shops/${superMarket}/receipt`;
    expectError(await leader.post(url, PNG, { 'content-type': 'image/png' }), 409, 'RUN_SHOP_UNPAID');
    await leader.put(`${API}/errands/runs/${runId}/shops/${superMarket}`, {
      amountFen: 2_550,
      paidByVolunteerId: post.leader.volunteerId,
    });
    const notImage = await leader.post(url, Buffer.from('not an image at all'), { 'content-type': 'image/png' });
    expect(Object.keys(expectError(notImage, 422).fields!)).toEqual(['receipt']);
    expectError(await leader.post(url, Buffer.from('{}'), { 'content-type': 'application/json' }), 415);
    const up = await leader.post(url, PNG, { 'content-type': 'image/png' });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json().lists[0].paid.hasReceipt).toBe(true);
    const got = await member.get(url);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.rawPayload.equals(PNG)).toBe(true);
    expectError(await managerB.get(url), 404);
    const file = await db().selectFrom('storedFiles').selectAll().where('kind', '=', 'errand_receipt').executeTakeFirstOrThrow();
    expect(file).toMatchObject({ regionId: w.a.grid.id, sizeBytes: PNG.length, mime: 'image/png' });
  });
});
