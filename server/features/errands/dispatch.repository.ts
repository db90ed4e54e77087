/** Dispatch and delivery: who may work an order (posts, their teams, escalation), and the volunteer's lists. */
import type { Kysely } from 'kysely';
import type { ErrandPayment, ErrandStatus } from '../../../common/enums.ts';
import { startsWith, toNumber } from '../../platform/db/dialect.ts';
import type { Database } from '../../platform/db/schema.ts';

type Q = Kysely<Database>;

/** An active errand post with its team's leader, as dispatch reads it. */
export interface PostRow {
  id: string;
  name: string;
  regionId: string;
  regionName: string;
  regionPath: string;
  teamId: string;
  leaderVolunteerId: string | null;
  responseMinutes: number | null;
}

function posts(q: Q) {
  return q
    .selectFrom('errandPosts as p')
    .innerJoin('regions as r', 'r.id', 'p.regionId')
    .innerJoin('teams as t', 't.id', 'p.teamId')
    .select([
      'p.id',
      'p.name',
      'p.regionId',
      'r.name as regionName',
      'r.path as regionPath',
      'p.teamId',
      't.leaderVolunteerId',
      'p.responseMinutes',
    ])
    .where('p.active', '=', 1);
}

const toPost = (r: Omit<PostRow, 'responseMinutes'> & { responseMinutes: number | string | null }): PostRow => ({
  ...r,
  responseMinutes: r.responseMinutes === null ? null : toNumber(r.responseMinutes),
});

/** The active posts whose team the volunteer is a member of, or leads. */
export async function postsOfVolunteer(q: Q, volunteerId: string): Promise<PostRow[]> {
  const rows = await posts(q)
    .where((eb) =>
      eb.or([
        eb('t.leaderVolunteerId', '=', volunteerId),
        eb.exists(
          eb
            .selectFrom('teamMembers as m')
            .select('m.volunteerId')
            .whereRef('m.teamId', '=', 'p.teamId')
            .where('m.volunteerId', '=', volunteerId),
        ),
      ]),
    )
    .orderBy('p.createdAt')
    .execute();
  return rows.map(toPost);
}

export async function findPost(q: Q, id: string): Promise<PostRow | undefined> {
  const row = await posts(q).where('p.id', '=', id).executeTakeFirst();
  return row && toPost(row);
}

/**
 * The active posts of a community (its own and its grids'), in a fixed order — the region's sort
 * order and code, then the post's name — so "the next grid's post" is the same for every reader.
 */
export async function postsUnder(q: Q, communityPath: string): Promise<PostRow[]> {
  const rows = await posts(q)
    .where(startsWith('r.path', communityPath))
    .orderBy('r.sortOrder')
    .orderBy('r.code')
    .orderBy('r.name')
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
  return rows.map(toPost);
}

/** The community an order's region belongs to: the grid's parent, or the region itself above grid level. */
export async function communityOf(q: Q, regionId: string): Promise<{ id: string; name: string; path: string } | undefined> {
  const region = await q
    .selectFrom('regions')
    .select(['id', 'name', 'path', 'level', 'parentId'])
    .where('id', '=', regionId)
    .executeTakeFirst();
  if (!region) return undefined;
  if (region.level !== 'grid' || !region.parentId) return { id: region.id, name: region.name, path: region.path };
  return q.selectFrom('regions').select(['id', 'name', 'path']).where('id', '=', region.parentId).executeTakeFirst();
}

/** Members of a team (and its leader), with their accounts: whom a leader may assign, whom to tell. */
export async function crewOf(q: Q, teamId: string): Promise<{ id: string; name: string; accountId: string | null }[]> {
  const members = await q
    .selectFrom('teamMembers as m')
    .innerJoin('volunteers as v', 'v.id', 'm.volunteerId')
    .select(['v.id', 'v.name', 'v.accountId'])
    .where('m.teamId', '=', teamId)
    .where('v.status', '=', 'active')
    .orderBy('v.name')
    .execute();
  const leader = await q
    .selectFrom('teams as t')
    .innerJoin('volunteers as v', 'v.id', 't.leaderVolunteerId')
    .select(['v.id', 'v.name', 'v.accountId'])
    .where('t.id', '=', teamId)
    .executeTakeFirst();
  return leader && !members.some((m) => m.id === leader.id) ? [leader, ...members] : members;
}

/** An order as the volunteer's phone shows it. */
export interface CardRow {
  id: string;
  ref: string;
  status: ErrandStatus;
  regionId: string;
  regionName: string;
  postId: string | null;
  postName: string | null;
  contactName: string;
  contactMobile: string | null;
  address: string;
  note: string | null;
  payment: ErrandPayment;
  claimedBy: string | null;
  claimedByName: string | null;
  claimBy: string;
  deliverBy: string;
  escalationLevel: number;
  deliveredAt: string | null;
  proofNote: string | null;
  proofFileId: string | null;
  createdAt: string;
}

function cards(q: Q) {
  return q
    .selectFrom('errandOrders as o')
    .innerJoin('regions as r', 'r.id', 'o.regionId')
    .leftJoin('errandPosts as p', 'p.id', 'o.postId')
    .leftJoin('volunteers as v', 'v.id', 'o.claimedBy')
    .select([
      'o.id',
      'o.ref',
      'o.status',
      'o.regionId',
      'r.name as regionName',
      'o.postId',
      'p.name as postName',
      'o.contactName',
      'o.contactMobile',
      'o.address',
      'o.note',
      'o.payment',
      'o.claimedBy',
      'v.name as claimedByName',
      'o.claimBy',
      'o.deliverBy',
      'o.escalationLevel',
      'o.deliveredAt',
      'o.proofNote',
      'o.proofFileId',
      'o.createdAt',
    ]);
}

type RawCard = Awaited<ReturnType<ReturnType<typeof cards>['execute']>>[number];

const toCard = (r: RawCard): CardRow => ({
  ...r,
  status: r.status as ErrandStatus,
  payment: r.payment as ErrandPayment,
  escalationLevel: toNumber(r.escalationLevel),
});

/** Most orders one list of the phone page shows; a post with more is a job for the desk. */
const LIST_MAX = 200;

/** New orders of these posts, oldest first (the one waiting longest on top). */
export async function newOrdersOfPosts(q: Q, postIds: readonly string[]): Promise<CardRow[]> {
  if (!postIds.length) return [];
  const rows = await cards(q)
    .where('o.status', '=', 'new')
    .where('o.postId', 'in', [...postIds])
    .orderBy('o.createdAt')
    .orderBy('o.id')
    .limit(LIST_MAX)
    .execute();
  return rows.map(toCard);
}

/** New orders escalated in these communities (the caller keeps those that escalated to its posts). */
export async function escalatedNewOrders(q: Q, communityPaths: readonly string[]): Promise<CardRow[]> {
  if (!communityPaths.length) return [];
  const rows = await cards(q)
    .where('o.status', '=', 'new')
    .where('o.escalationLevel', '>=', 1)
    .where((eb) => eb.or(communityPaths.map((p) => startsWith('r.path', p))))
    .orderBy('o.createdAt')
    .orderBy('o.id')
    .limit(LIST_MAX)
    .execute();
  return rows.map(toCard);
}

/** Orders a volunteer has claimed and not yet delivered, the most urgent first. */
export async function openOrdersOf(q: Q, volunteerId: string): Promise<CardRow[]> {
  const rows = await cards(q)
    .where('o.claimedBy', '=', volunteerId)
    .where('o.status', 'in', ['claimed', 'purchasing', 'delivering'])
    .orderBy('o.deliverBy')
    .orderBy('o.id')
    .limit(LIST_MAX)
    .execute();
  return rows.map(toCard);
}

/** Open orders of the posts a leader leads that someone has claimed: what the leader keeps an eye on. */
export async function claimedOrdersOfPosts(q: Q, postIds: readonly string[]): Promise<CardRow[]> {
  if (!postIds.length) return [];
  const rows = await cards(q)
    .where('o.postId', 'in', [...postIds])
    .where('o.status', 'in', ['claimed', 'purchasing', 'delivering'])
    .orderBy('o.deliverBy')
    .orderBy('o.id')
    .limit(LIST_MAX)
    .execute();
  return rows.map(toCard);
}

/** What a volunteer delivered since `since`, newest first. */
export async function deliveredBy(q: Q, volunteerId: string, since: string): Promise<CardRow[]> {
  const rows = await cards(q)
    .where('o.claimedBy', '=', volunteerId)
    .where('o.status', 'in', ['delivered', 'confirmed'])
    .where('o.deliveredAt', '>=', since)
    .orderBy('o.deliveredAt', 'desc')
    .orderBy('o.id', 'desc')
    .limit(50)
    .execute();
  return rows.map(toCard);
}

/**
 * Gives a claimed order back to its post: new again, unclaimed, with a fresh claim deadline. Only
 * the claimer's own claim, and only before buying started (money may be out after that); 0 rows
 * when someone moved it first.
 */
export async function release(q: Q, id: string, volunteerId: string, claimBy: string, now: string): Promise<boolean> {
  const r = await q
    .updateTable('errandOrders')
    .set({ status: 'new', claimedBy: null, claimedAt: null, claimBy, updatedAt: now })
    .where('id', '=', id)
    .where('status', '=', 'claimed')
    .where('claimedBy', '=', volunteerId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Hands an order someone holds to another volunteer (the status stays); 0 rows when it moved meanwhile. */
export async function reassign(q: Q, id: string, status: ErrandStatus, volunteerId: string, now: string): Promise<boolean> {
  const r = await q
    .updateTable('errandOrders')
    .set({ claimedBy: volunteerId, updatedAt: now })
    .where('id', '=', id)
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---------------------------------------------------------------- escalation

/** New orders still at level 0 whose claim deadline passed before `cutoff`, the longest waiting first. */
export async function dueForEscalation(q: Q, cutoff: string, limit: number): Promise<{ id: string; regionId: string }[]> {
  return q
    .selectFrom('errandOrders')
    .select(['id', 'regionId'])
    .where('status', '=', 'new')
    .where('claimBy', '<', cutoff)
    .where('escalationLevel', '=', 0)
    .orderBy('claimBy')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Raises one order to level 1 unless something moved it first. */
export async function escalate(q: Q, id: string, now: string): Promise<boolean> {
  const r = await q
    .updateTable('errandOrders')
    .set({ escalationLevel: 1, escalatedAt: now, updatedAt: now })
    .where('id', '=', id)
    .where('status', '=', 'new')
    .where('escalationLevel', '=', 0)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
