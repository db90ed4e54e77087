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
let shop: string;

const db = () => t.deps.db.db;

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  post = await makePost(db(), t.factory, { gridId: w.a.grid.id });
  shop = await makeShop(db(), { communityId: w.a.community.id, isDefault: true });
  leader = await t.signIn(post.leader.login);
  member = await t.signIn(post.member.login);
  const m = await t.factory.account({ grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  manager = await t.signIn(m.login);
  const mb = await t.factory.account({ grants: [{ role: 'region_manager', regionId: w.b.county.id }] });
  managerB = await t.signIn(mb.login);
});
afterAll(() => t.close());

describe('settlement: who owes whom', () => {
  it('follows a run from the shop to the door to the community', async () => {
    const household = (await db().selectFrom('households').select('id').executeTakeFirst())?.id ?? null;
    const a = await makeOrder(db(), {
      post,
      householdId: household,
      contactName: '李桂芳',
      items: [{ goods: 'rice', quantity: 1 }],
    });
    const b = await makeOrder(db(), { post, contactName: '赵建国', items: [{ goods: 'rice', quantity: 3 }] });
    const run = (await leader.post(`${API}/errands/runs`, { postId: post.id, orderIds: [a.id, b.id] })).json();
    // The leader advances ¥80.00: ¥20.00 and ¥60.00 due.
    await leader.put(`${API}/errands/runs/${run.id}/shops/${shop}`, {
      amountFen: 8_000,
      paidByVolunteerId: post.leader.volunteerId,
    });

    // The member collects ¥20.00 cash at a's door; b pays ¥50.00 by transfer to the community.
    const paid = await member.put(`${API}/errands/orders/${a.id}/payment`, {
      paidFen: 2_000,
      method: 'on_delivery',
      collectedByVolunteerId: post.member.volunteerId,
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ amountDueFen: 2_000, paidFen: 2_000, outstandingFen: 0, payment: 'on_delivery' });
    expect(paid.json().collectedBy).toEqual({ id: post.member.volunteerId, name: expect.any(String) });
    const transfer = await leader.put(`${API}/errands/orders/${b.id}/payment`, {
      paidFen: 5_000,
      method: 'transfer',
      collectedByVolunteerId: null,
    });
    expect(transfer.statusCode, transfer.body).toBe(200);
    expect(await auditRows(t.deps, { action: 'errandOrder.paid' })).toHaveLength(2);
    const steps = await db()
      .selectFrom('errandOrderEvents')
      .select('kind')
      .where('orderId', '=', a.id)
      .where('kind', '=', 'paid')
      .execute();
    expect(steps).toHaveLength(1);

    // The community reimburses the leader ¥50.00; the member hands in ¥20.00.
    const reimburse = await manager.post(`${API}/errands/payouts`, {
      regionId: w.a.community.id,
      volunteerId: post.leader.volunteerId,
      direction: 'reimburse',
      amountFen: 5_000,
      note: '微信转账',
    });
    expect(reimburse.statusCode, reimburse.body).toBe(201);
    expect(reimburse.json()).toMatchObject({
      direction: 'reimburse',
      amountFen: 5_000,
      volunteer: { id: post.leader.volunteerId },
    });
    await manager.post(`${API}/errands/payouts`, {
      regionId: w.a.grid.id,
      volunteerId: post.member.volunteerId,
      direction: 'hand_in',
      amountFen: 1_500,
    });

    const res = await manager.get(`${API}/errands/settlement?regionId=${w.a.community.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    const byVolunteer = Object.fromEntries(s.volunteers.map((v: { volunteer: { id: string } }) => [v.volunteer.id, v]));
    expect(byVolunteer[post.leader.volunteerId]).toMatchObject({
      advancedFen: 8_000,
      reimbursedFen: 5_000,
      collectedFen: 0,
      handedInFen: 0,
      balanceFen: 3_000,
    });
    expect(byVolunteer[post.member.volunteerId]).toMatchObject({
      advancedFen: 0,
      collectedFen: 2_000,
      handedInFen: 1_500,
      balanceFen: -500,
    });
    expect(s.totals).toMatchObject({
      orders: 2,
      dueFen: 8_000,
      paidFen: 7_000,
      outstandingFen: 1_000,
      owedToVolunteersFen: 3_000,
      heldByVolunteersFen: 500,
    });
    expect(s.households).toEqual([
      expect.objectContaining({ contactName: '赵建国', dueFen: 6_000, paidFen: 5_000, outstandingFen: 1_000 }),
    ]);
    const payouts = await manager.get(`${API}/errands/payouts?regionId=${w.a.community.id}`);
    expect(payouts.json().items).toHaveLength(2);

    // Another county sees none of it; its own area is empty.
    expectError(await managerB.get(`${API}/errands/settlement?regionId=${w.a.community.id}`), 404);
    expect((await managerB.get(`${API}/errands/settlement`)).json().orders).toEqual([]);
  });

  it('keeps how the household meant to pay beside how it was paid', async () => {
    const o = await makeOrder(db(), { post, amountDueFen: 3_500 });
    const before = await manager.get(`${API}/errands/orders/${o.id}`);
    expect(before.json()).toMatchObject({ payment: 'on_delivery', paidMethod: null });

    // Planned as cash at the door, paid by a transfer to the community.
    const paid = await leader.put(`${API}/errands/orders/${o.id}/payment`, {
      paidFen: 3_500,
      method: 'transfer',
      collectedByVolunteerId: null,
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ payment: 'on_delivery', paidMethod: 'transfer', paidFen: 3_500 });
    expect((await manager.get(`${API}/errands/orders/${o.id}`)).json()).toMatchObject({
      payment: 'on_delivery',
      paidMethod: 'transfer',
    });
    const listed = (await manager.get(`${API}/errands/settlement?regionId=${w.a.grid.id}`)).json();
    expect(listed.orders.find((x: { id: string }) => x.id === o.id)).toMatchObject({
      payment: 'on_delivery',
      paidMethod: 'transfer',
      outstandingFen: 0,
    });

    // A payment recorded by mistake is set back to nothing: unpaid again, no method.
    const undone = await manager.put(`${API}/errands/orders/${o.id}/payment`, {
      paidFen: 0,
      method: 'transfer',
      collectedByVolunteerId: null,
    });
    expect(undone.json()).toMatchObject({ payment: 'on_delivery', paidMethod: null, paidFen: 0, paidAt: null });
  });

  it('lets only the order’s volunteer, the post’s leader or staff record a payment, with field reasons', async () => {
    const o = await makeOrder(db(), { post, claimedBy: post.leader.volunteerId });
    const cancelled = await makeOrder(db(), { post, status: 'cancelled' });
    const stranger = await t.factory.volunteer({ regionId: w.a.grid.id });
    const before = await snapshot(t.deps);
    expectError(
      await member.put(`${API}/errands/orders/${o.id}/payment`, {
        paidFen: 100,
        method: 'prepaid',
        collectedByVolunteerId: null,
      }),
      403,
    );
    expectError(
      await managerB.put(`${API}/errands/orders/${o.id}/payment`, {
        paidFen: 100,
        method: 'prepaid',
        collectedByVolunteerId: null,
      }),
      404,
    );
    const noCollector = await leader.put(`${API}/errands/orders/${o.id}/payment`, {
      paidFen: 100,
      method: 'on_delivery',
      collectedByVolunteerId: null,
    });
    expect(Object.keys(expectError(noCollector, 422).fields!)).toEqual(['collectedByVolunteerId']);
    const wrong = await leader.put(`${API}/errands/orders/${o.id}/payment`, {
      paidFen: 100,
      method: 'on_delivery',
      collectedByVolunteerId: stranger.id,
    });
    expect(expectError(wrong, 422).fields!.collectedByVolunteerId).toBe('收款人须是本代办岗的志愿者');
    const onCancelled = await manager.put(`${API}/errands/orders/${cancelled.id}/payment`, {
      paidFen: 100,
      method: 'prepaid',
      collectedByVolunteerId: null,
    });
    expect(Object.keys(expectError(onCancelled, 422).fields!)).toEqual(['paidFen']);
    expect(snapshotChanges(before, await snapshot(t.deps))).toEqual({});
  });

  it('refuses payouts to someone outside the area and a period ending before it starts', async () => {
    const far = await t.factory.volunteer({ regionId: w.b.grid.id });
    const before = await snapshot(t.deps);
    const res = await manager.post(`${API}/errands/payouts`, {
      regionId: w.a.community.id,
      volunteerId: far.id,
      direction: 'reimburse',
      amountFen: 100,
    });
    expect(Object.keys(expectError(res, 422).fields!)).toEqual(['volunteerId']);
    expectError(
      await manager.post(`${API}/errands/payouts`, {
        regionId: w.b.community.id,
        volunteerId: far.id,
        direction: 'reimburse',
        amountFen: 100,
      }),
      404,
    );
    expectError(
      await leader.post(`${API}/errands/payouts`, {
        regionId: w.a.community.id,
        volunteerId: post.leader.volunteerId,
        direction: 'reimburse',
        amountFen: 100,
      }),
      403,
    );
    const range = await manager.get(`${API}/errands/settlement?from=2026-02-10&to=2026-02-01`);
    expect(Object.keys(expectError(range, 422).fields!)).toEqual(['to']);
    expect(snapshotChanges(before, await snapshot(t.deps))).toEqual({});
  });
});
