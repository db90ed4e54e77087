import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { API } from '../../../test/requests.ts';
import { insertCase, insertToken } from '../quarantine/health-reports.matrix.ts';
import { dispatchFixtures } from './dispatch.test-helpers.ts';
import { insertErrandLink, insertHousehold, orderBody } from './orders.test-helpers.ts';

let t: TestApp;
let fx: ReturnType<typeof dispatchFixtures>;
let grid: { id: string; path: string };
let grid2: { id: string; path: string };
let community: { id: string; path: string };
let otherGrid: { id: string; path: string };
let post: string;
let manager: Client;
let otherManager: Client;
let household: { id: string; address: string };
let token: string;
let anon: Client;

const db = () => t.deps.db.db;
const e = (tok: string, rest = '') => `${API}/e/${tok}${rest}`;

beforeAll(async () => {
  t = await createTestApp();
  fx = dispatchFixtures(t);
  const chain = await t.factory.chain();
  community = chain.community;
  grid = chain.grid;
  grid2 = await t.factory.region({ parent: chain.community, name: '二网格' });
  otherGrid = (await t.factory.chain()).grid;
  post = (await fx.post({ regionId: grid.id, name: '一网格代办岗', responseMinutes: 20 })).id;
  await t.factory.account({ login: 'o-manager', grants: [{ role: 'region_manager', regionId: chain.county.id }] });
  manager = await t.signIn('o-manager');
  await t.factory.account({ login: 'o-other', grants: [{ role: 'region_manager', regionId: otherGrid.id }] });
  otherManager = await t.signIn('o-other');
  household = await insertHousehold(db(), grid.id);
  token = await insertErrandLink(db(), household.id);
  anon = t.anonymous();
});
afterAll(() => t.close());

describe('the resident’s page', () => {
  it('shows the goods, the post, the limits and no orders yet', async () => {
    const res = await anon.get(e(token));
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({
      address: household.address,
      personName: null,
      post: { name: '一网格代办岗' },
      limits: { ordersPerDay: 3, ordersToday: 0, maxLines: 20, maxFreeQuantity: 20 },
      orders: [],
    });
    expect(page.goods.map((g: { code: string }) => g.code)).toContain('rice');
  });

  it('answers an unknown link with 404, and 429 after too many misses from one address', async () => {
    const res = await anon.get(e('A'.repeat(22)));
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ERRAND_LINK_INVALID');
    const guesser = t.anonymous('10.9.8.7');
    for (let i = 0; i < 30; i++) await guesser.get(e(`${'B'.repeat(21)}${i % 10}`));
    expect((await guesser.get(e(token))).statusCode).toBe(429);
    expect((await anon.get(e(token))).statusCode).toBe(200);
  });
});

describe('ordering', () => {
  it('answers at once with the order number, goes to the grid’s post with its deadlines, and is published', async () => {
    const before = Date.now();
    const res = await anon.post(e(token, '/orders'), orderBody({ note: '放门口' }));
    expect(res.statusCode).toBe(201);
    const o = res.json();
    expect(o).toMatchObject({
      status: 'new',
      contactName: '王**',
      address: household.address,
      note: '放门口',
      items: [
        { goodsId: 'goods-rice', name: '大米', unit: '千克', quantity: 5 },
        { goodsId: null, name: '酱油', unit: '瓶', quantity: 1, note: '生抽' },
      ],
      steps: [{ kind: 'created', by: null }],
    });
    expect(o.ref).toMatch(/^PT-\d{8}-\d{4}$/);
    const claimIn = Date.parse(o.claimBy) - before;
    expect(claimIn).toBeGreaterThan(19 * 60_000);
    expect(claimIn).toBeLessThan(21 * 60_000);
    const row = await db().selectFrom('errandOrders').selectAll().where('id', '=', o.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ postId: post, regionId: grid.id, householdId: household.id, channel: 'resident' });
    const event = await db().selectFrom('events').selectAll().where('entityId', '=', o.id).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ type: 'errandOrder.created', permission: 'errands.run', regionPath: grid.path });
    // The status page and the household's list.
    const status = await anon.get(e(token, `/orders/${o.id}`));
    expect(status.json()).toMatchObject({ id: o.id, status: 'new' });
    expect((await anon.get(e(token))).json().orders[0]).toMatchObject({ id: o.id, itemCount: 2 });
  });

  it('is idempotent: the same key answers the same order once', async () => {
    const h = await insertHousehold(db(), grid.id);
    const tok = await insertErrandLink(db(), h.id);
    const headers = { 'idempotency-key': `k-${h.id}` };
    const a = await anon.post(e(tok, '/orders'), orderBody(), headers);
    const b = await anon.post(e(tok, '/orders'), orderBody(), headers);
    expect(a.statusCode).toBe(201);
    expect(b.json().id).toBe(a.json().id);
    const n = await db()
      .selectFrom('errandOrders')
      .select(db().fn.countAll().as('n'))
      .where('householdId', '=', h.id)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it('goes to the community’s post when the grid has none', async () => {
    const cpost = (await fx.post({ regionId: community.id, name: '社区代办岗' })).id;
    const h = await insertHousehold(db(), grid2.id);
    const o = (await anon.post(e(await insertErrandLink(db(), h.id), '/orders'), orderBody())).json();
    const row = await db().selectFrom('errandOrders').select('postId').where('id', '=', o.id).executeTakeFirstOrThrow();
    expect(row.postId).toBe(cpost);
  });

  it('refuses quantities over the limits and unknown goods, field by field, writing nothing', async () => {
    const h = await insertHousehold(db(), grid.id);
    const tok = await insertErrandLink(db(), h.id);
    const res = await anon.post(
      e(tok, '/orders'),
      orderBody({
        items: [
          { goodsId: 'goods-oil', quantity: 3 },
          { goodsId: 'goods-nothing', quantity: 1 },
          { name: '西瓜', unit: '个', quantity: 21 },
          { name: '葱', quantity: 1 },
          { goodsId: 'goods-oil', quantity: 1 },
        ],
      }),
      { 'accept-language': 'en' },
    );
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(
      ['items.0.quantity', 'items.1.goodsId', 'items.2.quantity', 'items.3.unit', 'items.4.goodsId'].sort(),
    );
    expect(res.json().error.fields['items.0.quantity']).toContain('2');
    const tooMany = await anon.post(
      e(tok, '/orders'),
      orderBody({ items: Array.from({ length: 21 }, () => ({ name: '葱', unit: '把', quantity: 1 })) }),
    );
    expect(tooMany.statusCode).toBe(400);
    const n = await db()
      .selectFrom('errandOrders')
      .select(db().fn.countAll().as('n'))
      .where('householdId', '=', h.id)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('stops at the orders-per-day limit', async () => {
    const h = await insertHousehold(db(), grid.id);
    const tok = await insertErrandLink(db(), h.id);
    for (let i = 0; i < 3; i++) expect((await anon.post(e(tok, '/orders'), orderBody())).statusCode).toBe(201);
    const fourth = await anon.post(e(tok, '/orders'), orderBody());
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json().error.code).toBe('ERRAND_DAILY_LIMIT');
  });

  it('takes an isolated person’s health link: the case’s orders, their masked name', async () => {
    const caseId = await insertCase(db(), { regionId: grid.id, address: '隔离户 3 号' });
    const tok = await insertToken(db(), caseId);
    const page = (await anon.get(e(tok))).json();
    expect(page).toMatchObject({ address: '隔离户 3 号', personName: '张**' });
    const o = (await anon.post(e(tok, '/orders'), orderBody())).json();
    const row = await db()
      .selectFrom('errandOrders')
      .select(['caseId', 'householdId', 'address'])
      .where('id', '=', o.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ caseId, householdId: null, address: '隔离户 3 号' });
    // Another link cannot read it.
    expect((await anon.get(e(token, `/orders/${o.id}`))).statusCode).toBe(404);
  });
});

describe('after delivery', () => {
  async function delivered() {
    const o = (await anon.post(e(token, '/orders'), orderBody())).json();
    await db()
      .updateTable('errandOrders')
      .set({ status: 'delivered', deliveredAt: new Date().toISOString() })
      .where('id', '=', o.id)
      .execute();
    return o.id as string;
  }

  it('the resident confirms, rates once and complains once; the complaint opens a field issue of the community', async () => {
    await t.factory.account({ login: 'o-community', grants: [{ role: 'region_manager', regionId: community.id }] });
    const id = await delivered();
    expect((await anon.post(e(token, `/orders/${id}/rating`), { rating: 6 })).statusCode).toBe(400);
    const confirmed = await anon.post(e(token, `/orders/${id}/confirm`));
    expect(confirmed.json()).toMatchObject({ status: 'confirmed' });
    expect((await anon.post(e(token, `/orders/${id}/confirm`))).statusCode).toBe(409);
    const rated = await anon.post(e(token, `/orders/${id}/rating`), { rating: 5, comment: '很及时' });
    expect(rated.json()).toMatchObject({ rating: 5, comment: '很及时' });
    expect((await anon.post(e(token, `/orders/${id}/rating`), { rating: 1 })).statusCode).toBe(409);
    const complaint = await anon.post(e(token, `/orders/${id}/complaint`), { text: '鸡蛋碎了两个' });
    expect(complaint.json()).toMatchObject({ complained: true });
    expect(complaint.json().steps.map((s: { kind: string }) => s.kind)).toEqual(['created', 'confirmed', 'rated', 'complaint']);
    const row = await db().selectFrom('errandOrders').select('issueId').where('id', '=', id).executeTakeFirstOrThrow();
    const issue = await db().selectFrom('fieldIssues').selectAll().where('id', '=', row.issueId!).executeTakeFirstOrThrow();
    expect(issue).toMatchObject({ ownerRegionId: community.id, regionId: grid.id, description: '鸡蛋碎了两个' });
    expect((await anon.post(e(token, `/orders/${id}/complaint`), { text: '再投诉' })).statusCode).toBe(409);
  });
});

describe('staff', () => {
  it('enter an order taken by phone, list it with filters, read every step, and reveal the mobile (audited)', async () => {
    const h = await insertHousehold(db(), grid.id);
    const res = await manager.post(`${API}/errands/orders`, { householdId: h.id, ...orderBody() });
    expect(res.statusCode).toBe(201);
    const o = res.json();
    expect(o).toMatchObject({ channel: 'staff', contactMobile: '138****5678', post: { id: post }, overdue: false });
    expect(o.steps[0]).toMatchObject({ kind: 'created', by: expect.any(String) });
    const list = (await manager.get(`${API}/errands/orders?householdId=${h.id}&status=new&postId=${post}`)).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([o.id]);
    expect((await manager.get(`${API}/errands/orders?overdue=true&householdId=${h.id}`)).json().total).toBe(0);
    expect((await manager.get(`${API}/errands/orders/${o.id}`)).json().steps).toHaveLength(1);
    expect((await manager.post(`${API}/errands/orders/${o.id}/reveal`)).json()).toEqual({ contactMobile: '13812345678' });
    const audit = await db().selectFrom('auditLog').select('action').where('entityId', '=', o.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['errandOrder.create', 'pii.reveal']);
    expect((await otherManager.get(`${API}/errands/orders/${o.id}`)).statusCode).toBe(404);
  });

  it('set up posts (a team of the county; a grid or community) and shops with one default per community', async () => {
    const team = (await db().selectFrom('errandPosts').select('teamId').where('id', '=', post).executeTakeFirstOrThrow()).teamId;
    const bad = await manager.post(`${API}/errands/posts`, { regionId: community.id, teamId: team, name: '  ' });
    expect(bad.statusCode).toBe(400);
    const created = await manager.post(`${API}/errands/posts`, {
      regionId: grid2.id,
      teamId: team,
      name: '二网格代办岗',
      responseMinutes: 15,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      region: { id: grid2.id, level: 'grid' },
      team: { id: team },
      responseMinutes: 15,
      active: true,
    });
    const closed = await manager.patch(`${API}/errands/posts/${created.json().id}`, { active: false });
    expect(closed.json()).toMatchObject({ active: false });
    const a = (await manager.post(`${API}/errands/shops`, { regionId: community.id, name: '惠民超市', isDefault: true })).json();
    const b = (await manager.post(`${API}/errands/shops`, { regionId: community.id, name: '放心菜店', isDefault: true })).json();
    const shops = (await manager.get(`${API}/errands/shops?regionId=${community.id}`)).json().items;
    expect(shops.filter((s: { isDefault: boolean }) => s.isDefault).map((s: { id: string }) => s.id)).toEqual([b.id]);
    expect(shops.map((s: { id: string }) => s.id)).toContain(a.id);
    const gridShop = await manager.post(`${API}/errands/shops`, { regionId: grid.id, name: '网格店' });
    expect(gridShop.statusCode).toBe(422);
  });

  it('issue a household’s link (a new one revokes the old) and revoke it', async () => {
    const h = await insertHousehold(db(), grid.id);
    const first = await manager.post(`${API}/errands/households/${h.id}/link`);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ path: `/e/${first.json().token}`, post: { name: '一网格代办岗' } });
    const second = (await manager.post(`${API}/errands/households/${h.id}/link`)).json();
    expect((await anon.get(e(first.json().token))).statusCode).toBe(404);
    expect((await anon.get(e(second.token))).statusCode).toBe(200);
    expect((await manager.get(`${API}/errands/households/${h.id}/link`)).json()).toMatchObject({ live: true });
    expect((await manager.delete(`${API}/errands/households/${h.id}/link`)).json()).toEqual({ revoked: 1 });
    expect((await anon.get(e(second.token))).statusCode).toBe(404);
    expect((await otherManager.post(`${API}/errands/households/${h.id}/link`)).statusCode).toBe(404);
  });
});
