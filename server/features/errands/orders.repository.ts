import type { Kysely } from 'kysely';
import type { ErrandChannel, ErrandEventKind, ErrandPayment, ErrandStatus } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { startsWith, toNumber } from '../../platform/db/dialect.ts';
import type { Database, ErrandOrderItemTable, ErrandOrderTable } from '../../platform/db/schema.ts';
import type { StepOrder } from './order-steps.ts';

type Q = Kysely<Database>;

function base(q: Q) {
  return q
    .selectFrom('errandOrders as o')
    .innerJoin('regions as r', 'r.id', 'o.regionId')
    .leftJoin('errandPosts as p', 'p.id', 'o.postId')
    .leftJoin('volunteers as v', 'v.id', 'o.claimedBy')
    .selectAll('o')
    .select([
      'r.name as regionName',
      'r.path as regionPath',
      'p.name as postName',
      'p.teamId as postTeamId',
      'v.name as claimedByName',
    ]);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

/**
 * One order as the services read it: the table's columns with typed enums, its grid's name and
 * path (the scope), its post's name and team, and the claiming volunteer's name. Personal data
 * (contact mobile) is here in full: services mask it on the way out.
 */
export interface OrderRow extends StepOrder {
  ref: string;
  regionId: string;
  regionName: string;
  regionPath: string;
  householdId: string | null;
  caseId: string | null;
  postId: string | null;
  postName: string | null;
  postTeamId: string | null;
  channel: ErrandChannel;
  enteredBy: string | null;
  contactName: string;
  contactMobile: string | null;
  address: string;
  note: string | null;
  payment: ErrandPayment;
  status: ErrandStatus;
  claimedBy: string | null;
  claimedByName: string | null;
  claimedAt: string | null;
  purchasingAt: string | null;
  deliveringAt: string | null;
  deliveredAt: string | null;
  confirmedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  claimBy: string;
  deliverBy: string;
  escalationLevel: number;
  escalatedAt: string | null;
  runId: string | null;
  amountDueFen: number | null;
  paidFen: number;
  paidAt: string | null;
  paidMethod: ErrandPayment | null;
  collectedBy: string | null;
  proofNote: string | null;
  proofFileId: string | null;
  rating: number | null;
  comment: string | null;
  issueId: string | null;
  orderedOn: string;
  createdAt: string;
  updatedAt: string;
}

function toRow(r: BaseRow): OrderRow {
  return {
    ...r,
    channel: r.channel as ErrandChannel,
    payment: r.payment as ErrandPayment,
    paidMethod: r.paidMethod as ErrandPayment | null,
    status: r.status as ErrandStatus,
    escalationLevel: toNumber(r.escalationLevel),
    amountDueFen: r.amountDueFen === null ? null : toNumber(r.amountDueFen),
    paidFen: toNumber(r.paidFen),
    rating: r.rating === null ? null : toNumber(r.rating),
  };
}

export async function findOrder(q: Q, id: string): Promise<OrderRow | undefined> {
  const row = await base(q).where('o.id', '=', id).executeTakeFirst();
  return row && toRow(row);
}

export async function findOrderByRef(q: Q, ref: string): Promise<OrderRow | undefined> {
  const row = await base(q).where('o.ref', '=', ref).executeTakeFirst();
  return row && toRow(row);
}

export interface OrderFilter {
  regionPath?: string;
  statuses?: readonly ErrandStatus[];
  postId?: string;
  householdId?: string;
  /** The orders a resident's link sees: its household's, or its case's. */
  ownedBy?: Owner;
  from?: string;
  to?: string;
  /** Open orders past a deadline: unclaimed past claim_by, or undelivered past deliver_by. */
  overdueAt?: string;
  limit: number;
  offset: number;
}

export async function listOrders(q: Q, scope: Scope, f: OrderFilter): Promise<{ items: OrderRow[]; total: number }> {
  let query = base(q).where((eb) => inRegionScope(eb, scope, 'r.path'));
  if (f.regionPath) query = query.where(startsWith('r.path', f.regionPath));
  if (f.statuses?.length) query = query.where('o.status', 'in', [...f.statuses]);
  if (f.postId) query = query.where('o.postId', '=', f.postId);
  if (f.householdId) query = query.where('o.householdId', '=', f.householdId);
  const owner = f.ownedBy;
  if (owner)
    query = query.where((eb) =>
      eb.or([eb('o.householdId', '=', owner.householdId ?? ''), eb('o.caseId', '=', owner.caseId ?? '')]),
    );
  if (f.from) query = query.where('o.orderedOn', '>=', f.from);
  if (f.to) query = query.where('o.orderedOn', '<=', f.to);
  const overdueAt = f.overdueAt;
  if (overdueAt)
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('o.status', '=', 'new'), eb('o.claimBy', '<', overdueAt)]),
        eb.and([eb('o.status', 'in', ['claimed', 'purchasing', 'delivering']), eb('o.deliverBy', '<', overdueAt)]),
      ]),
    );
  const count = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query.orderBy('o.createdAt', 'desc').orderBy('o.id', 'desc').limit(f.limit).offset(f.offset).execute();
  return { items: rows.map(toRow), total: toNumber(count.n) };
}

/** Who placed an order through a link: a household, an isolated person's case, or both. */
export interface Owner {
  householdId: string | null;
  caseId: string | null;
}

/** Orders a household (or an isolated person's case) placed on a day: the daily limit counts them. */
export async function countOrdersOn(q: Q, who: Owner, day: string): Promise<number> {
  let query = q
    .selectFrom('errandOrders')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('orderedOn', '=', day)
    .where('status', '!=', 'cancelled');
  query = who.householdId ? query.where('householdId', '=', who.householdId) : query.where('caseId', '=', who.caseId ?? '');
  return toNumber((await query.executeTakeFirstOrThrow()).n);
}

export async function insertOrder(q: Q, row: ErrandOrderTable, items: ErrandOrderItemTable[]): Promise<void> {
  await q.insertInto('errandOrders').values(row).execute();
  if (items.length) await q.insertInto('errandOrderItems').values(items).execute();
}

export interface OrderItemRow {
  id: string;
  orderId: string;
  goodsId: string | null;
  name: string;
  unit: string;
  quantity: number;
  note: string | null;
  shopId: string | null;
  costFen: number | null;
}

/** The items of these orders, in the order they were entered. */
export async function itemsOf(q: Q, orderIds: readonly string[]): Promise<Map<string, OrderItemRow[]>> {
  const out = new Map<string, OrderItemRow[]>();
  if (orderIds.length === 0) return out;
  const rows = await q
    .selectFrom('errandOrderItems')
    .select(['id', 'orderId', 'goodsId', 'name', 'unit', 'quantity', 'note', 'shopId', 'costFen'])
    .where('orderId', 'in', [...orderIds])
    .orderBy('orderId')
    .orderBy('sortOrder')
    .execute();
  for (const r of rows) {
    const item = { ...r, quantity: Number(r.quantity), costFen: r.costFen === null ? null : toNumber(r.costFen) };
    out.set(r.orderId, [...(out.get(r.orderId) ?? []), item]);
  }
  return out;
}

export interface OrderEventRow {
  id: string;
  kind: ErrandEventKind;
  detail: Record<string, unknown> | null;
  byAccountId: string | null;
  byName: string | null;
  at: string;
}

/** Every step of one order, oldest first (the resident's status page and the staff detail). */
export async function stepsOf(q: Q, orderId: string): Promise<OrderEventRow[]> {
  const rows = await q
    .selectFrom('errandOrderEvents as e')
    .leftJoin('accounts as a', 'a.id', 'e.byAccountId')
    .select(['e.id', 'e.kind', 'e.detail', 'e.byAccountId', 'a.name as byName', 'e.at'])
    .where('e.orderId', '=', orderId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    kind: r.kind as ErrandEventKind,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
  }));
}
