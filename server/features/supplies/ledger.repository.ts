/**
 * The public ledger's reads. They select only what the ledger may show: no mobiles, no person
 * donors' names (the service drops them), no household addresses (only the household's region).
 */
import type { Kysely } from 'kysely';
import { startsWith, toBool, toNumber } from '../../platform/db/dialect.ts';
import type { Database } from '../../platform/db/schema.ts';

type Q = Kysely<Database>;

export async function donationsIn(q: Q, regionPath: string, f: { from?: string; to?: string; limit: number }) {
  let query = q
    .selectFrom('donations as d')
    .innerJoin('stores as s', 's.id', 'd.storeId')
    .innerJoin('regions as r', 'r.id', 'd.regionId')
    .select(['d.id', 'd.ref', 'd.receivedOn', 'd.donorKind', 'd.donorName', 'd.anonymous', 's.name as storeName'])
    .where(startsWith('r.path', regionPath))
    .where('d.reversedAt', 'is', null);
  if (f.from) query = query.where('d.receivedOn', '>=', f.from);
  if (f.to) query = query.where('d.receivedOn', '<=', f.to);
  const rows = await query.orderBy('d.receivedOn').orderBy('d.ref').limit(f.limit).execute();
  return rows.map((r) => ({ ...r, anonymous: toBool(r.anonymous) }));
}

export async function allocationsFrom(q: Q, regionPath: string, f: { fromAt?: string; beforeAt?: string; limit: number }) {
  let query = q
    .selectFrom('allocations as al')
    .innerJoin('stores as s', 's.id', 'al.storeId')
    .innerJoin('regions as r', 'r.id', 'al.regionId')
    .leftJoin('checkpoints as cp', 'cp.id', 'al.toCheckpointId')
    .leftJoin('teams as tm', 'tm.id', 'al.toTeamId')
    .leftJoin('regions as tr', 'tr.id', 'al.toRegionId')
    .leftJoin('households as h', 'h.id', 'al.toHouseholdId')
    .leftJoin('regions as hr', 'hr.id', 'h.regionId')
    .select([
      'al.id',
      'al.ref',
      'al.sentAt',
      'al.toKind',
      'al.status',
      's.name as storeName',
      'cp.name as checkpointName',
      'tm.name as teamName',
      'tr.name as regionName',
      'hr.path as householdRegionPath',
    ])
    .where(startsWith('r.path', regionPath))
    .where('al.status', '!=', 'reversed');
  if (f.fromAt) query = query.where('al.sentAt', '>=', f.fromAt);
  if (f.beforeAt) query = query.where('al.sentAt', '<', f.beforeAt);
  return query.orderBy('al.sentAt').orderBy('al.ref').limit(f.limit).execute();
}

/** Transfers with exactly one end inside the region. */
export async function transfersAcross(q: Q, regionPath: string, f: { fromAt?: string; beforeAt?: string; limit: number }) {
  let query = q
    .selectFrom('transfers as t')
    .innerJoin('stores as fs', 'fs.id', 't.fromStoreId')
    .innerJoin('regions as fr', 'fr.id', 'fs.regionId')
    .innerJoin('stores as ts', 'ts.id', 't.toStoreId')
    .innerJoin('regions as tr', 'tr.id', 'ts.regionId')
    .select(['t.id', 't.ref', 't.at', 'fs.name as fromStore', 'ts.name as toStore', 'fr.path as fromPath', 'tr.path as toPath'])
    .where('t.reversedAt', 'is', null)
    .where((eb) => eb.or([startsWith('fr.path', regionPath), startsWith('tr.path', regionPath)]));
  if (f.fromAt) query = query.where('t.at', '>=', f.fromAt);
  if (f.beforeAt) query = query.where('t.at', '<', f.beforeAt);
  const rows = await query.orderBy('t.at').orderBy('t.ref').limit(f.limit).execute();
  return rows.filter((r) => r.fromPath.startsWith(regionPath) !== r.toPath.startsWith(regionPath));
}

/** What the region's stores hold now, by item. */
export async function inStock(q: Q, regionPath: string): Promise<Map<string, number>> {
  const rows = await q
    .selectFrom('stockLevels as l')
    .innerJoin('stores as s', 's.id', 'l.storeId')
    .innerJoin('regions as r', 'r.id', 's.regionId')
    .select(['l.itemId'])
    .select((eb) => eb.fn.sum<number | string>('l.quantity').as('quantity'))
    .where(startsWith('r.path', regionPath))
    .groupBy('l.itemId')
    .execute();
  return new Map(rows.map((r) => [r.itemId, toNumber(r.quantity)]));
}

/** Names of the communities among these region ids (a household is shown as "a household of 雪松社区"). */
export async function communityNames(q: Q, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .selectFrom('regions')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .where('level', '=', 'community')
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
