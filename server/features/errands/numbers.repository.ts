import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { startsWith, toNumber } from '../../platform/db/dialect.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { FigureRow, FigureWindow } from '../dashboard/figure-sources.ts';

type Q = Kysely<Database>;

/** The orders of a period in an area, with what the numbers need of each. */
export async function ordersIn(q: Q, scope: Scope, f: { regionPath?: string; from: string; to: string }) {
  let query = q
    .selectFrom('errandOrders as o')
    .innerJoin('regions as r', 'r.id', 'o.regionId')
    .select([
      'r.path as regionPath',
      'o.orderedOn',
      'o.status',
      'o.createdAt',
      'o.claimedAt',
      'o.deliveredAt',
      'o.deliverBy',
      'o.amountDueFen',
      'o.paidFen',
    ])
    .where((eb) => inRegionScope(eb, scope, 'r.path'))
    .where('o.orderedOn', '>=', f.from)
    .where('o.orderedOn', '<=', f.to);
  if (f.regionPath) query = query.where(startsWith('r.path', f.regionPath));
  return query.execute();
}
export type NumbersOrder = Awaited<ReturnType<typeof ordersIn>>[number];

/** Of these region ids, those at `level`, with their names. */
export async function regionsAt(q: Q, ids: readonly string[], level: string): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .selectFrom('regions')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .where('level', '=', level)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The dashboard's errand figures per region, from the orders' timestamps so a past day reads as it
 * stood. Open at `to`: placed before it, neither delivered nor cancelled by then. Overdue: open and
 * unclaimed past `claim_by`, or claimed and undelivered past `deliver_by` (the orders list's rule,
 * by time); an order given back to its post lost its claim time and got a new `claim_by`, so a
 * past day counts it by the new deadline. Ordered: placed on the day (as the numbers count
 * orders). Delivered in [from, to), on time when by `deliver_by` (as the numbers judge it), and
 * their amounts due.
 */
export async function errandFigures(q: Q, w: FigureWindow): Promise<FigureRow[]> {
  const count = (when: RawBuilder<unknown>) => sql<number | string>`SUM(CASE WHEN ${when} THEN 1 ELSE 0 END)`;
  const ref = (column: string) => sql.ref(`o.${column}`);
  const open = sql`(${ref('deliveredAt')} IS NULL OR ${ref('deliveredAt')} >= ${w.to})
    AND (${ref('cancelledAt')} IS NULL OR ${ref('cancelledAt')} >= ${w.to})`;
  const unclaimed = sql`(${ref('claimedAt')} IS NULL OR ${ref('claimedAt')} >= ${w.to})`;
  const delivered = sql`${ref('deliveredAt')} >= ${w.from} AND ${ref('deliveredAt')} < ${w.to}`;
  const rows = await q
    .selectFrom('errandOrders as o')
    .select([
      'o.regionId',
      count(open).as('errandsOpen'),
      count(
        sql`${open} AND (${unclaimed} AND ${ref('claimBy')} < ${w.to} OR NOT ${unclaimed} AND ${ref('deliverBy')} < ${w.to})`,
      ).as('errandsOverdue'),
      count(sql`${ref('orderedOn')} = ${w.day}`).as('errandsOrdered'),
      count(delivered).as('errandsDelivered'),
      count(sql`${delivered} AND ${ref('deliveredAt')} <= ${ref('deliverBy')}`).as('errandsOnTime'),
      sql<number | string>`SUM(CASE WHEN ${delivered} THEN COALESCE(${ref('amountDueFen')}, 0) ELSE 0 END)`.as(
        'errandsAmountFen',
      ),
    ])
    .where('o.createdAt', '<', w.to)
    .groupBy('o.regionId')
    .execute();
  return rows.map((r) => ({
    regionId: r.regionId,
    values: {
      errandsOpen: toNumber(r.errandsOpen),
      errandsOverdue: toNumber(r.errandsOverdue),
      errandsOrdered: toNumber(r.errandsOrdered),
      errandsDelivered: toNumber(r.errandsDelivered),
      errandsOnTime: toNumber(r.errandsOnTime),
      errandsAmountFen: toNumber(r.errandsAmountFen),
    },
  }));
}
