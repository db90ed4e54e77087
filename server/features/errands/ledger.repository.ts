/** The public ledger's reads: only what it may show (no mobiles, no addresses; names are masked by the service). */
import type { Kysely } from 'kysely';
import { startsWith } from '../../platform/db/dialect.ts';
import type { Database } from '../../platform/db/schema.ts';

type Q = Kysely<Database>;

export async function runsIn(q: Q, regionPath: string, f: { fromAt: string; beforeAt: string; limit: number }) {
  return q
    .selectFrom('errandRuns as run')
    .innerJoin('regions as r', 'r.id', 'run.regionId')
    .innerJoin('errandPosts as p', 'p.id', 'run.postId')
    .select(['run.id', 'run.ref', 'run.createdAt', 'run.status', 'p.name as postName'])
    .where(startsWith('r.path', regionPath))
    .where('run.createdAt', '>=', f.fromAt)
    .where('run.createdAt', '<', f.beforeAt)
    .orderBy('run.createdAt')
    .limit(f.limit)
    .execute();
}

export async function shopsPaid(q: Q, runIds: readonly string[]) {
  if (runIds.length === 0) return [];
  return q
    .selectFrom('errandRunShops as rs')
    .innerJoin('errandShops as s', 's.id', 'rs.shopId')
    .select(['rs.runId', 's.name', 'rs.amountFen', 'rs.receiptFileId'])
    .where('rs.runId', 'in', [...runIds])
    .orderBy('s.name')
    .execute();
}

export async function ordersIn(q: Q, regionPath: string, f: { from: string; to: string; limit: number }) {
  return q
    .selectFrom('errandOrders as o')
    .innerJoin('regions as r', 'r.id', 'o.regionId')
    .leftJoin('errandRuns as run', 'run.id', 'o.runId')
    .select(['o.ref', 'o.orderedOn', 'o.contactName', 'o.status', 'run.ref as runRef', 'o.amountDueFen', 'o.paidFen'])
    .where(startsWith('r.path', regionPath))
    .where('o.orderedOn', '>=', f.from)
    .where('o.orderedOn', '<=', f.to)
    .orderBy('o.orderedOn')
    .orderBy('o.ref')
    .limit(f.limit)
    .execute();
}
