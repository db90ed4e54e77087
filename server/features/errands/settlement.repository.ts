/**
 * The settlement's reads: each order's money, what volunteers advanced at shops, collected at doors,
 * were reimbursed and handed in. All are narrowed to a region's path (and the caller's scope).
 */
import type { Kysely } from 'kysely';
import type { ErrandPayment } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { startsWith, toNumber } from '../../platform/db/dialect.ts';
import type { Database } from '../../platform/db/schema.ts';

type Q = Kysely<Database>;

export interface Area {
  scope: Scope;
  regionPath?: string;
}

const orderMoneyQuery = (q: Q) =>
  q
    .selectFrom('errandOrders as o')
    .innerJoin('regions as r', 'r.id', 'o.regionId')
    .leftJoin('errandRuns as run', 'run.id', 'o.runId')
    .leftJoin('volunteers as v', 'v.id', 'o.collectedBy')
    .select([
      'o.id',
      'o.ref',
      'o.orderedOn',
      'o.status',
      'o.householdId',
      'o.caseId',
      'o.contactName',
      'o.address',
      'o.payment',
      'o.amountDueFen',
      'o.paidFen',
      'o.paidAt',
      'o.paidMethod',
      'o.collectedBy',
      'v.name as collectedByName',
      'run.ref as runRef',
      'r.name as regionName',
    ]);

export async function orderMoney(q: Q, area: Area, f: { from?: string; to?: string; limit: number }) {
  let query = orderMoneyQuery(q)
    .where((eb) => inRegionScope(eb, area.scope, 'r.path'))
    .where('o.status', '!=', 'cancelled');
  if (area.regionPath) query = query.where(startsWith('r.path', area.regionPath));
  if (f.from) query = query.where('o.orderedOn', '>=', f.from);
  if (f.to) query = query.where('o.orderedOn', '<=', f.to);
  return query.orderBy('o.orderedOn', 'desc').orderBy('o.ref', 'desc').limit(f.limit).execute();
}
export type OrderMoneyRow = Awaited<ReturnType<typeof orderMoney>>[number];

export const orderMoneyById = (q: Q, id: string) => orderMoneyQuery(q).where('o.id', '=', id).execute();

/**
 * What the household paid, how, and who took it. `payment` (how they meant to pay) stays: the
 * preference and the fact differ often enough (cash planned, a transfer made) to keep both.
 */
export async function recordPayment(
  q: Q,
  id: string,
  p: { paidFen: number; method: ErrandPayment; collectedBy: string | null; at: string },
): Promise<void> {
  const paid = p.paidFen > 0;
  await q
    .updateTable('errandOrders')
    .set({
      paidFen: p.paidFen,
      paidMethod: paid ? p.method : null,
      collectedBy: p.collectedBy,
      paidAt: paid ? p.at : null,
      updatedAt: p.at,
    })
    .where('id', '=', id)
    .execute();
}

/** The path of a volunteer's home region, or undefined when there is no such volunteer. */
export async function volunteerHomePath(q: Q, id: string): Promise<string | undefined> {
  const row = await q
    .selectFrom('volunteers as v')
    .innerJoin('regions as r', 'r.id', 'v.regionId')
    .select('r.path')
    .where('v.id', '=', id)
    .executeTakeFirst();
  return row?.path;
}

type Sums = Map<string, number>;

const sums = (rows: { volunteerId: string | null; fen: number | string | null }[]): Sums =>
  new Map(rows.filter((r) => r.volunteerId !== null).map((r) => [r.volunteerId!, toNumber(r.fen)]));

/** Per volunteer, all time in the area: advanced at shops, collected at doors, reimbursed, handed in. */
export async function volunteerMoney(q: Q, area: Area) {
  let advanced = q
    .selectFrom('errandRunShops as rs')
    .innerJoin('errandRuns as run', 'run.id', 'rs.runId')
    .innerJoin('regions as r', 'r.id', 'run.regionId')
    .select(['rs.paidByVolunteerId as volunteerId'])
    .select((eb) => eb.fn.sum<number | string>('rs.amountFen').as('fen'))
    .where((eb) => inRegionScope(eb, area.scope, 'r.path'))
    .where('rs.paidByVolunteerId', 'is not', null)
    .groupBy('rs.paidByVolunteerId');
  let collected = q
    .selectFrom('errandOrders as o')
    .innerJoin('regions as r', 'r.id', 'o.regionId')
    .select(['o.collectedBy as volunteerId'])
    .select((eb) => eb.fn.sum<number | string>('o.paidFen').as('fen'))
    .where((eb) => inRegionScope(eb, area.scope, 'r.path'))
    .where('o.collectedBy', 'is not', null)
    .groupBy('o.collectedBy');
  let payouts = q
    .selectFrom('errandPayouts as p')
    .innerJoin('regions as r', 'r.id', 'p.regionId')
    .select(['p.volunteerId', 'p.direction'])
    .select((eb) => eb.fn.sum<number | string>('p.amountFen').as('fen'))
    .where((eb) => inRegionScope(eb, area.scope, 'r.path'))
    .groupBy(['p.volunteerId', 'p.direction']);
  if (area.regionPath) {
    advanced = advanced.where(startsWith('r.path', area.regionPath));
    collected = collected.where(startsWith('r.path', area.regionPath));
    payouts = payouts.where(startsWith('r.path', area.regionPath));
  }
  const paid = await payouts.execute();
  return {
    advanced: sums(await advanced.execute()),
    collected: sums(await collected.execute()),
    reimbursed: sums(paid.filter((p) => p.direction === 'reimburse')),
    handedIn: sums(paid.filter((p) => p.direction === 'hand_in')),
  };
}

export async function volunteerNames(q: Q, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .selectFrom('volunteers')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function listPayouts(q: Q, area: Area, limit: number) {
  let query = q
    .selectFrom('errandPayouts as p')
    .innerJoin('regions as r', 'r.id', 'p.regionId')
    .innerJoin('volunteers as v', 'v.id', 'p.volunteerId')
    .leftJoin('accounts as a', 'a.id', 'p.recordedBy')
    .select([
      'p.id',
      'p.direction',
      'p.amountFen',
      'p.note',
      'p.at',
      'p.volunteerId',
      'v.name as volunteerName',
      'r.name as regionName',
      'a.name as recordedByName',
    ])
    .where((eb) => inRegionScope(eb, area.scope, 'r.path'));
  if (area.regionPath) query = query.where(startsWith('r.path', area.regionPath));
  return query.orderBy('p.at', 'desc').limit(limit).execute();
}

/** Whether a volunteer staffs a post (as its team's member or leader) inside the region. */
export async function staffsPostIn(q: Q, volunteerId: string, regionPath: string): Promise<boolean> {
  const row = await q
    .selectFrom('errandPosts as p')
    .innerJoin('regions as r', 'r.id', 'p.regionId')
    .innerJoin('teams as t', 't.id', 'p.teamId')
    .select('p.id')
    .where(startsWith('r.path', regionPath))
    .where((eb) =>
      eb.or([
        eb('t.leaderVolunteerId', '=', volunteerId),
        eb('p.teamId', 'in', eb.selectFrom('teamMembers').select('teamId').where('volunteerId', '=', volunteerId)),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}
