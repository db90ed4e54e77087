/**
 * Purchase runs (集中采办): the run, the orders it bundles and their items, the shops it buys
 * from and what was paid at each. The post's people and shops are read here too, because a run is
 * led by the post's team leader and buys from its community's shops.
 */
import type { Kysely } from 'kysely';
import type { ErrandStatus } from '../../../common/enums.ts';
import { startsWith } from '../../platform/db/dialect.ts';
import type { Database } from '../../platform/db/schema.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import type { Scope } from '../../platform/access/actor.ts';

type Q = Kysely<Database>;

export interface PostRow {
  id: string;
  name: string;
  teamId: string;
  regionId: string;
  regionPath: string;
  regionName: string;
  leaderVolunteerId: string | null;
}

export async function findPost(q: Q, id: string): Promise<PostRow | undefined> {
  return q
    .selectFrom('errandPosts as p')
    .innerJoin('regions as r', 'r.id', 'p.regionId')
    .innerJoin('teams as t', 't.id', 'p.teamId')
    .select(['p.id', 'p.name', 'p.teamId', 'p.regionId', 'r.path as regionPath', 'r.name as regionName', 't.leaderVolunteerId'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/** The volunteer records of an account (one person may have been registered once per county). */
export async function volunteerIdsOf(q: Q, accountId: string): Promise<string[]> {
  const rows = await q.selectFrom('volunteers').select('id').where('accountId', '=', accountId).execute();
  return rows.map((r) => r.id);
}

/** The post's volunteers: its team's members, and its leader. */
export async function teamPeople(q: Q, teamId: string): Promise<{ id: string; name: string }[]> {
  return q
    .selectFrom('volunteers as v')
    .select(['v.id', 'v.name'])
    .where((eb) =>
      eb.or([
        eb('v.id', 'in', eb.selectFrom('teamMembers').select('volunteerId').where('teamId', '=', teamId)),
        eb('v.id', '=', eb.selectFrom('teams').select('leaderVolunteerId').where('id', '=', teamId)),
      ]),
    )
    .orderBy('v.name')
    .execute();
}

/** Shops a run in this region may buy from: those of its community (and of the regions above it). */
export async function shopsFor(q: Q, regionPath: string) {
  const ids = regionPath.split('/').filter(Boolean);
  return q
    .selectFrom('errandShops as s')
    .select(['s.id', 's.name', 's.address', 's.phone', 's.isDefault'])
    .where('s.regionId', 'in', ids)
    .where('s.active', '=', 1)
    .orderBy('s.isDefault', 'desc')
    .orderBy('s.name')
    .execute();
}

/** Shops by id, whatever their state (a run keeps a shop deactivated after it bought there). */
export async function shopsByIds(q: Q, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return q
    .selectFrom('errandShops as s')
    .select(['s.id', 's.name', 's.address', 's.phone', 's.isDefault'])
    .where('s.id', 'in', [...ids])
    .execute();
}

export interface OrderOfRun {
  id: string;
  ref: string;
  status: ErrandStatus;
  postId: string | null;
  regionPath: string;
  runId: string | null;
  contactName: string;
  contactMobile: string | null;
  address: string;
  note: string | null;
  payment: string;
  amountDueFen: number | null;
  paidFen: number;
  claimedBy: string | null;
  createdAt: string;
}

const orderColumns = [
  'o.id',
  'o.ref',
  'o.status',
  'o.postId',
  'r.path as regionPath',
  'o.runId',
  'o.contactName',
  'o.contactMobile',
  'o.address',
  'o.note',
  'o.payment',
  'o.amountDueFen',
  'o.paidFen',
  'o.claimedBy',
  'o.createdAt',
] as const;

/** Orders a run of this post may bundle: not in a run, not yet on their way, the post's or in its area. */
export const BUNDLEABLE: readonly ErrandStatus[] = ['new', 'claimed', 'purchasing'];

export async function bundleable(q: Q, post: PostRow): Promise<OrderOfRun[]> {
  const rows = await q
    .selectFrom('errandOrders as o')
    .innerJoin('regions as r', 'r.id', 'o.regionId')
    .select(orderColumns)
    .where('o.runId', 'is', null)
    .where('o.status', 'in', BUNDLEABLE)
    .where((eb) => eb.or([eb('o.postId', '=', post.id), startsWith('r.path', post.regionPath)]))
    .orderBy('o.createdAt')
    .limit(500)
    .execute();
  return rows as OrderOfRun[];
}

export async function ordersByIds(q: Q, ids: readonly string[]): Promise<OrderOfRun[]> {
  if (ids.length === 0) return [];
  const rows = await q
    .selectFrom('errandOrders as o')
    .innerJoin('regions as r', 'r.id', 'o.regionId')
    .select(orderColumns)
    .where('o.id', 'in', [...ids])
    .execute();
  return rows as OrderOfRun[];
}

export async function ordersOfRun(q: Q, runId: string): Promise<OrderOfRun[]> {
  const rows = await q
    .selectFrom('errandOrders as o')
    .innerJoin('regions as r', 'r.id', 'o.regionId')
    .select(orderColumns)
    .where('o.runId', '=', runId)
    .orderBy('o.ref')
    .execute();
  return rows as OrderOfRun[];
}

export async function itemsOf(q: Q, orderIds: readonly string[]) {
  if (orderIds.length === 0) return [];
  return q
    .selectFrom('errandOrderItems')
    .select(['id', 'orderId', 'goodsId', 'name', 'unit', 'quantity', 'note', 'shopId', 'costFen', 'sortOrder'])
    .where('orderId', 'in', [...orderIds])
    .orderBy('orderId')
    .orderBy('sortOrder')
    .execute();
}
export type ItemRow = Awaited<ReturnType<typeof itemsOf>>[number];

export interface RunRow {
  id: string;
  ref: string;
  postId: string;
  regionId: string;
  regionPath: string;
  status: string;
  note: string | null;
  createdAt: string;
  boughtAt: string | null;
  postName: string;
  createdByName: string | null;
}

const runQuery = (q: Q) =>
  q
    .selectFrom('errandRuns as run')
    .innerJoin('regions as r', 'r.id', 'run.regionId')
    .innerJoin('errandPosts as p', 'p.id', 'run.postId')
    .leftJoin('accounts as a', 'a.id', 'run.createdBy')
    .select([
      'run.id',
      'run.ref',
      'run.postId',
      'run.regionId',
      'r.path as regionPath',
      'run.status',
      'run.note',
      'run.createdAt',
      'run.boughtAt',
      'p.name as postName',
      'a.name as createdByName',
    ]);

export async function findRun(q: Q, id: string): Promise<RunRow | undefined> {
  return runQuery(q).where('run.id', '=', id).executeTakeFirst();
}

export async function listRuns(
  q: Q,
  scope: Scope,
  f: { regionPath?: string; postId?: string; status?: string; limit: number; offset: number },
): Promise<{ rows: RunRow[]; total: number }> {
  let query = runQuery(q).where((eb) => inRegionScope(eb, scope, 'r.path'));
  if (f.regionPath) query = query.where(startsWith('r.path', f.regionPath));
  if (f.postId) query = query.where('run.postId', '=', f.postId);
  if (f.status) query = query.where('run.status', '=', f.status);
  const { total } = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number | string>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await query.orderBy('run.createdAt', 'desc').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(total) };
}

/** Order and amount counts of these runs, for the list. */
export async function runFigures(q: Q, runIds: readonly string[]) {
  if (runIds.length === 0) return { orders: new Map<string, number>(), amounts: new Map<string, number>() };
  const orders = await q
    .selectFrom('errandOrders')
    .select(['runId'])
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('runId', 'in', [...runIds])
    .groupBy('runId')
    .execute();
  const amounts = await q
    .selectFrom('errandRunShops')
    .select(['runId'])
    .select((eb) => eb.fn.sum<number | string>('amountFen').as('fen'))
    .where('runId', 'in', [...runIds])
    .groupBy('runId')
    .execute();
  return {
    orders: new Map(orders.map((r) => [r.runId!, Number(r.n)])),
    amounts: new Map(amounts.map((r) => [r.runId, Number(r.fen)])),
  };
}

export async function runShops(q: Q, runId: string) {
  return q
    .selectFrom('errandRunShops as rs')
    .leftJoin('volunteers as v', 'v.id', 'rs.paidByVolunteerId')
    .select(['rs.shopId', 'rs.amountFen', 'rs.receiptFileId', 'rs.paidByVolunteerId', 'v.name as paidByName', 'rs.recordedAt'])
    .where('rs.runId', '=', runId)
    .execute();
}
export type RunShopRow = Awaited<ReturnType<typeof runShops>>[number];
