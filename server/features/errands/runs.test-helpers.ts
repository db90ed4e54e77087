/**
 * Errand records for the runs, settlement, numbers and ledger tests, made straight in the database
 * (fast, and independent of the order routes): a post with its team and leader, shops, orders.
 */
import type { Kysely } from 'kysely';
import type { ErrandStatus } from '../../../common/enums.ts';
import type { Factory } from '../../../test/app.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';

type Q = Kysely<Database>;

export interface TestPost {
  id: string;
  teamId: string;
  regionId: string;
  /** The team leader's volunteer record and their account's login. */
  leader: { volunteerId: string; login: string; accountId: string };
  /** A member of the team, with an account. */
  member: { volunteerId: string; login: string; accountId: string };
}

/** A post serving `gridId`, staffed by a new team with a leader and one member, both signed up. */
export async function makePost(db: Q, factory: Factory, o: { gridId: string }): Promise<TestPost> {
  const now = nowIso();
  const person = async () => {
    const account = await factory.account({ grants: [{ role: 'team_leader', regionId: o.gridId }] });
    const v = await factory.volunteer({ regionId: o.gridId, accountId: account.id });
    return { volunteerId: v.id, login: account.login, accountId: account.id };
  };
  const leader = await person();
  const member = await person();
  const teamId = newId();
  await db
    .insertInto('teams')
    .values({
      id: teamId,
      parentTeamId: null,
      name: `代办队${teamId.slice(-4)}`,
      kind: 'other',
      regionId: o.gridId,
      leaderVolunteerId: leader.volunteerId,
      description: null,
      branchName: null,
      branchSecretaryId: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await db
    .insertInto('teamMembers')
    .values([leader, member].map((p) => ({ teamId, volunteerId: p.volunteerId, roleTags: '[]', inBranch: 0, joinedAt: now })))
    .execute();
  const id = newId();
  await db
    .insertInto('errandPosts')
    .values({
      id,
      regionId: o.gridId,
      teamId,
      name: `红色代办岗${id.slice(-4)}`,
      address: null,
      phone: null,
      responseMinutes: null,
      active: 1,
      createdBy: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return { id, teamId, regionId: o.gridId, leader, member };
}

export async function makeShop(db: Q, o: { communityId: string; name?: string; isDefault?: boolean }): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('errandShops')
    .values({
      id,
      regionId: o.communityId,
      name: o.name ?? `超市${id.slice(-4)}`,
      address: '幸福路 8 号',
      phone: null,
      isDefault: o.isDefault ? 1 : 0,
      active: 1,
      createdBy: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return id;
}

let seq = 0;

export interface TestOrderItem {
  goods?: string;
  name?: string;
  unit?: string;
  quantity: number;
}

/** An order of `post` with its items; statuses past `new` get their times and claimer. */
export async function makeOrder(
  db: Q,
  o: {
    post: TestPost;
    items?: TestOrderItem[];
    status?: ErrandStatus;
    claimedBy?: string;
    contactName?: string;
    householdId?: string | null;
    orderedOn?: string;
    createdAt?: string;
    claimedAt?: string;
    deliveredAt?: string;
    deliverBy?: string;
    amountDueFen?: number | null;
    paidFen?: number;
    collectedBy?: string | null;
  },
): Promise<{ id: string; ref: string; itemIds: string[] }> {
  const id = newId();
  const created = o.createdAt ?? nowIso();
  const status = o.status ?? 'claimed';
  const ref = `PT-${created.slice(0, 10).replaceAll('-', '')}-T${String(++seq).padStart(5, '0')}`;
  const past = (s: ErrandStatus) =>
    ['claimed', 'purchasing', 'delivering', 'delivered', 'confirmed'].indexOf(status) >=
    ['claimed', 'purchasing', 'delivering', 'delivered', 'confirmed'].indexOf(s);
  const plus = (minutes: number) => new Date(Date.parse(created) + minutes * 60_000).toISOString();
  await db
    .insertInto('errandOrders')
    .values({
      id,
      ref,
      regionId: o.post.regionId,
      householdId: o.householdId ?? null,
      caseId: null,
      postId: o.post.id,
      channel: 'staff',
      enteredBy: null,
      contactName: o.contactName ?? '王秀兰',
      contactMobile: '13812345678',
      address: '幸福小区 3 号楼 2 单元 501',
      note: null,
      payment: 'on_delivery',
      status,
      claimedBy: status === 'new' || status === 'cancelled' ? null : (o.claimedBy ?? o.post.member.volunteerId),
      claimedAt: status !== 'new' && status !== 'cancelled' ? (o.claimedAt ?? plus(5)) : null,
      purchasingAt: status !== 'new' && status !== 'cancelled' && past('purchasing') ? plus(20) : null,
      deliveringAt: status !== 'new' && status !== 'cancelled' && past('delivering') ? plus(60) : null,
      deliveredAt: status !== 'new' && status !== 'cancelled' && past('delivered') ? (o.deliveredAt ?? plus(120)) : null,
      confirmedAt: status === 'confirmed' ? plus(180) : null,
      cancelledAt: status === 'cancelled' ? plus(10) : null,
      cancelReason: status === 'cancelled' ? '不需要了' : null,
      claimBy: plus(30),
      deliverBy: o.deliverBy ?? plus(24 * 60),
      escalationLevel: 0,
      escalatedAt: null,
      runId: null,
      amountDueFen: o.amountDueFen ?? null,
      paidFen: o.paidFen ?? 0,
      paidAt: o.paidFen ? plus(130) : null,
      paidMethod: o.paidFen ? 'on_delivery' : null,
      collectedBy: o.collectedBy ?? null,
      proofNote: null,
      proofFileId: null,
      rating: null,
      comment: null,
      issueId: null,
      orderedOn: o.orderedOn ?? created.slice(0, 10),
      createdAt: created,
      updatedAt: created,
    })
    .execute();
  const items = o.items ?? [{ goods: 'rice', quantity: 5 }];
  const itemIds = items.map(() => newId());
  await db
    .insertInto('errandOrderItems')
    .values(
      items.map((item, i) => ({
        id: itemIds[i]!,
        orderId: id,
        goodsId: item.goods ? `goods-${item.goods}` : null,
        name: item.name ?? item.goods ?? '物品',
        unit: item.unit ?? '份',
        quantity: item.quantity,
        note: null,
        shopId: null,
        costFen: null,
        sortOrder: i,
      })),
    )
    .execute();
  return { id, ref, itemIds };
}

/** An open run of `post` bundling these orders, their items at `shopId`. */
export async function makeRun(db: Q, o: { post: TestPost; shopId: string; orderIds: string[] }): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('errandRuns')
    .values({
      id,
      ref: `CG-T-${id.slice(-12)}`,
      postId: o.post.id,
      regionId: o.post.regionId,
      status: 'open',
      note: null,
      createdBy: null,
      createdAt: now,
      boughtAt: null,
      updatedAt: now,
    })
    .execute();
  await db.updateTable('errandOrders').set({ runId: id }).where('id', 'in', o.orderIds).execute();
  await db.updateTable('errandOrderItems').set({ shopId: o.shopId }).where('orderId', 'in', o.orderIds).execute();
  return id;
}
