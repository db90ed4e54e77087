import type { Kysely } from 'kysely';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { startsWith, toBool, toNumber } from '../../platform/db/dialect.ts';
import type { Database, ErrandShopTable } from '../../platform/db/schema.ts';

type Q = Kysely<Database>;

function base(q: Q) {
  return q
    .selectFrom('errandShops as s')
    .innerJoin('regions as r', 'r.id', 's.regionId')
    .select([
      's.id',
      's.regionId',
      'r.name as regionName',
      'r.path as regionPath',
      's.name',
      's.address',
      's.phone',
      's.isDefault',
      's.active',
      's.updatedAt',
    ]);
}

export interface ShopRow {
  id: string;
  region: { id: string; name: string };
  regionPath: string;
  name: string;
  address: string | null;
  phone: string | null;
  isDefault: boolean;
  active: boolean;
  updatedAt: string;
}

function toRow(r: Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>): ShopRow {
  return {
    id: r.id,
    region: { id: r.regionId, name: r.regionName },
    regionPath: r.regionPath,
    name: r.name,
    address: r.address,
    phone: r.phone,
    isDefault: toBool(r.isDefault),
    active: toBool(r.active),
    updatedAt: r.updatedAt,
  };
}

export async function findShop(q: Q, id: string): Promise<ShopRow | undefined> {
  const row = await base(q).where('s.id', '=', id).executeTakeFirst();
  return row && toRow(row);
}

export async function listShops(
  q: Q,
  scope: Scope,
  f: { regionPath?: string; active?: boolean; limit: number; offset: number },
): Promise<{ items: ShopRow[]; total: number }> {
  let query = base(q).where((eb) => inRegionScope(eb, scope, 'r.path'));
  if (f.regionPath) query = query.where(startsWith('r.path', f.regionPath));
  if (f.active !== undefined) query = query.where('s.active', '=', f.active ? 1 : 0);
  const count = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('r.path')
    .orderBy('s.isDefault', 'desc')
    .orderBy('s.name')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { items: rows.map(toRow), total: toNumber(count.n) };
}

export async function insertShop(q: Q, row: ErrandShopTable): Promise<void> {
  await q.insertInto('errandShops').values(row).execute();
}

export async function updateShop(q: Q, id: string, set: Partial<ErrandShopTable>): Promise<void> {
  await q.updateTable('errandShops').set(set).where('id', '=', id).execute();
}

/** One default per community: making a shop the default takes the mark from the others. */
export async function clearDefault(q: Q, regionId: string, at: string): Promise<void> {
  await q
    .updateTable('errandShops')
    .set({ isDefault: 0, updatedAt: at })
    .where('regionId', '=', regionId)
    .where('isDefault', '=', 1)
    .execute();
}
