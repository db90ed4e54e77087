/** Posts, their teams and orders made straight in the database, for the dispatch tests and the matrix. */
import type { ErrandStatus } from '../../../common/enums.ts';
import type { TestApp } from '../../../test/app.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { dutyFixtures } from '../duty/rosters.fixtures.ts';

let serial = 0;

export function dispatchFixtures(t: TestApp) {
  const db = () => t.deps.db.db;

  /** A team in `regionId` led by `leader`, with `members`, and an active errand post of it serving that region. */
  async function post(o: {
    regionId: string;
    leader?: string | null;
    members?: string[];
    responseMinutes?: number;
    name?: string;
  }) {
    const duty = dutyFixtures(t);
    const teamId = await duty.team(o.regionId, o.leader ? { leaderVolunteerId: o.leader } : {});
    for (const volunteerId of o.members ?? []) await duty.member(teamId, volunteerId);
    const now = nowIso();
    const id = newId();
    await db()
      .insertInto('errandPosts')
      .values({
        id,
        regionId: o.regionId,
        teamId,
        name: o.name ?? `代办岗${++serial}`,
        address: null,
        phone: null,
        responseMinutes: o.responseMinutes ?? null,
        active: 1,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    return { id, teamId };
  }

  /** A volunteer with an account holding `role` over `regionId`, signed in. */
  async function crew(regionId: string, role: 'volunteer' | 'team_leader' = 'volunteer', name?: string) {
    const account = await t.factory.account({ grants: [{ role, regionId }], ...(name ? { name } : {}) });
    const volunteer = await t.factory.volunteer({ regionId, accountId: account.id, ...(name ? { name } : {}) });
    return { accountId: account.id, volunteerId: volunteer.id, client: await t.signIn(account.login) };
  }

  /** An order of `regionId` for `postId`, with two items; claim deadline 30 minutes after `createdAt`. */
  async function order(o: {
    regionId: string;
    postId: string | null;
    status?: ErrandStatus;
    claimedBy?: string | null;
    claimBy?: string;
    createdAt?: string;
    escalationLevel?: number;
  }) {
    const id = newId();
    const created = o.createdAt ?? nowIso();
    const claimBy = o.claimBy ?? nowIso(new Date(new Date(created).getTime() + 30 * 60_000));
    const claimedAt = o.claimedBy ? created : null;
    const ref = `PT-20260201-${String(++serial).padStart(4, '0')}${id.slice(-4)}`;
    await db()
      .insertInto('errandOrders')
      .values({
        id,
        ref,
        regionId: o.regionId,
        householdId: null,
        caseId: null,
        postId: o.postId,
        channel: 'staff',
        enteredBy: null,
        contactName: '王秀英',
        contactMobile: '13812345678',
        address: '幸福路 8 号 3 单元 502',
        note: '鸡蛋要散装的',
        payment: 'on_delivery',
        status: o.status ?? 'new',
        claimedBy: o.claimedBy ?? null,
        claimedAt,
        purchasingAt: null,
        deliveringAt: o.status === 'delivering' ? created : null,
        deliveredAt: null,
        confirmedAt: null,
        cancelledAt: null,
        cancelReason: null,
        claimBy,
        deliverBy: nowIso(new Date(new Date(created).getTime() + 24 * 3600_000)),
        escalationLevel: o.escalationLevel ?? 0,
        escalatedAt: null,
        runId: null,
        amountDueFen: null,
        paidFen: 0,
        paidAt: null,
        collectedBy: null,
        proofNote: null,
        proofFileId: null,
        rating: null,
        comment: null,
        issueId: null,
        orderedOn: created.slice(0, 10),
        createdAt: created,
        updatedAt: created,
      })
      .execute();
    await db()
      .insertInto('errandOrderItems')
      .values([
        {
          id: newId(),
          orderId: id,
          goodsId: 'goods-rice',
          name: '大米',
          unit: '千克',
          quantity: 5,
          note: null,
          shopId: null,
          costFen: null,
          sortOrder: 0,
        },
        {
          id: newId(),
          orderId: id,
          goodsId: null,
          name: '酱油',
          unit: '瓶',
          quantity: 1,
          note: '生抽',
          shopId: null,
          costFen: null,
          sortOrder: 1,
        },
      ])
      .execute();
    return { id, ref };
  }

  const status = async (id: string) => db().selectFrom('errandOrders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  const steps = async (id: string) =>
    (
      await db()
        .selectFrom('errandOrderEvents')
        .select(['kind', 'detail', 'byAccountId'])
        .where('orderId', '=', id)
        .orderBy('at')
        .orderBy('id')
        .execute()
    ).map((e) => ({ ...e, detail: e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : null }));

  return { post, crew, order, status, steps };
}

/** A 1×1 PNG: the smallest real image. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
