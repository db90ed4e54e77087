import type { Kysely } from 'kysely';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { startsWith } from '../../platform/db/dialect.ts';
import type { Database } from '../../platform/db/schema.ts';

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
