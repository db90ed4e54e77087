import { sql, type Kysely, type SqlBool } from 'kysely';
import { SUPPLY_CATEGORIES, type RegionLevel, type SupplyCategory } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { startsWith, toBool, toNumber } from '../../platform/db/dialect.ts';
import type { Database, StoreTable, SupplyItemTable } from '../../platform/db/schema.ts';
import type { FigureRow } from '../dashboard/figure-sources.ts';
import type { StockRow } from './catalogue.schemas.ts';
import type { Item } from './supplies.schemas.ts';

type Q = Kysely<Database>;

/** Protective gear first, then disinfection, medical, food, other: the catalogue's own order, not the alphabet's. */
export const categoryRank = (column: string) =>
  sql<number>`case ${sql.ref(column)} ${sql.join(
    SUPPLY_CATEGORIES.map((c, i) => sql`when ${c} then ${i}`),
    sql` `,
  )} else ${SUPPLY_CATEGORIES.length} end`;

const ITEM_COLUMNS = ['id', 'code', 'nameZh', 'nameEn', 'unitZh', 'unitEn', 'category', 'active'] as const;

type ItemColumns = Pick<SupplyItemTable, (typeof ITEM_COLUMNS)[number]>;

export function toItem(r: ItemColumns): Item {
  return { ...r, category: r.category as SupplyCategory, active: toBool(r.active) };
}

export async function listItems(q: Q, activeOnly: boolean): Promise<Item[]> {
  let query = q.selectFrom('supplyItems').select(ITEM_COLUMNS);
  if (activeOnly) query = query.where('active', '=', 1);
  return (await query.orderBy(categoryRank('category')).orderBy('code').execute()).map(toItem);
}

export async function findItems(q: Q, ids: readonly string[]): Promise<Item[]> {
  if (ids.length === 0) return [];
  return (
    await q
      .selectFrom('supplyItems')
      .select(ITEM_COLUMNS)
      .where('id', 'in', [...new Set(ids)])
      .execute()
  ).map(toItem);
}

export async function findItemByCode(q: Q, code: string): Promise<{ id: string } | undefined> {
  return q.selectFrom('supplyItems').select('id').where('code', '=', code).executeTakeFirst();
}

export async function insertItem(q: Q, row: SupplyItemTable): Promise<void> {
  await q.insertInto('supplyItems').values(row).execute();
}

export async function updateItem(q: Q, id: string, set: Partial<SupplyItemTable>): Promise<void> {
  await q.updateTable('supplyItems').set(set).where('id', '=', id).execute();
}

/** Items below their threshold in a store: `lowAt` set and quantity under it. */
const isLow = sql<SqlBool>`l.low_at is not null and l.quantity < l.low_at`;

function stores(q: Q) {
  return q
    .selectFrom('stores as s')
    .innerJoin('regions as r', 'r.id', 's.regionId')
    .leftJoin('accounts as k', 'k.id', 's.keeperAccountId')
    .select([
      's.id',
      's.name',
      's.regionId',
      'r.name as regionName',
      'r.level as regionLevel',
      'r.path as regionPath',
      's.address',
      's.keeperAccountId',
      'k.name as keeperName',
      's.active',
    ])
    .select((eb) =>
      eb
        .selectFrom('stockLevels as l')
        .select((e) => e.fn.countAll<number | string>().as('n'))
        .whereRef('l.storeId', '=', 's.id')
        .where(isLow)
        .as('lowItems'),
    );
}

export interface StoreRow {
  id: string;
  name: string;
  regionId: string;
  regionName: string;
  regionLevel: RegionLevel;
  regionPath: string;
  address: string | null;
  keeper: { id: string; name: string } | null;
  active: boolean;
  lowItems: number;
}

function toStore(r: Awaited<ReturnType<ReturnType<typeof stores>['executeTakeFirstOrThrow']>>): StoreRow {
  return {
    id: r.id,
    name: r.name,
    regionId: r.regionId,
    regionName: r.regionName,
    regionLevel: r.regionLevel as RegionLevel,
    regionPath: r.regionPath,
    address: r.address,
    keeper: r.keeperAccountId ? { id: r.keeperAccountId, name: r.keeperName ?? '' } : null,
    active: toBool(r.active),
    lowItems: toNumber(r.lowItems),
  };
}

export async function findStore(q: Q, id: string): Promise<StoreRow | undefined> {
  const row = await stores(q).where('s.id', '=', id).executeTakeFirst();
  return row && toStore(row);
}

export async function findStoreByName(q: Q, regionId: string, name: string): Promise<{ id: string } | undefined> {
  return q.selectFrom('stores').select('id').where('regionId', '=', regionId).where('name', '=', name).executeTakeFirst();
}

export async function listStores(
  q: Q,
  scope: Scope,
  f: { regionPath?: string; active?: boolean; limit: number; offset: number },
): Promise<{ items: StoreRow[]; total: number }> {
  let query = stores(q).where((eb) => inRegionScope(eb, scope, 'r.path'));
  if (f.regionPath) query = query.where(startsWith('r.path', f.regionPath));
  if (f.active !== undefined) query = query.where('s.active', '=', f.active ? 1 : 0);
  const count = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  // City first, then counties, then communities: the path grows with the level.
  const rows = await query
    .orderBy('s.active', 'desc')
    .orderBy('r.path')
    .orderBy('s.name')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { items: rows.map(toStore), total: toNumber(count.n) };
}

export async function insertStore(q: Q, row: StoreTable): Promise<void> {
  await q.insertInto('stores').values(row).execute();
}

export async function updateStore(q: Q, id: string, set: Partial<StoreTable>): Promise<void> {
  await q.updateTable('stores').set(set).where('id', '=', id).execute();
}

export async function storeHoldsStock(q: Q, storeId: string): Promise<boolean> {
  const row = await q
    .selectFrom('stockLevels')
    .select('itemId')
    .where('storeId', '=', storeId)
    .where('quantity', '>', 0)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

type LevelRow = {
  storeId: string;
  storeName: string;
  regionName: string;
  quantity: number | string;
  lowAt: number | string | null;
  updatedAt: string | null;
} & ItemColumns;

function toStockRow(r: LevelRow): StockRow {
  const quantity = toNumber(r.quantity);
  const lowAt = r.lowAt === null ? null : toNumber(r.lowAt);
  return {
    storeId: r.storeId,
    storeName: r.storeName,
    regionName: r.regionName,
    item: toItem(r),
    quantity,
    lowAt,
    low: lowAt !== null && quantity < lowAt,
    updatedAt: r.updatedAt,
  };
}

/** Every active item of the catalogue in one store (0 where nothing moved yet), and inactive ones it still holds. */
export async function stockOfStore(q: Q, store: { id: string; name: string; regionName: string }): Promise<StockRow[]> {
  const rows = await q
    .selectFrom('supplyItems as i')
    .leftJoin('stockLevels as l', (join) => join.onRef('l.itemId', '=', 'i.id').on('l.storeId', '=', store.id))
    .select(['i.id', 'i.code', 'i.nameZh', 'i.nameEn', 'i.unitZh', 'i.unitEn', 'i.category', 'i.active'])
    .select(['l.quantity', 'l.lowAt', 'l.updatedAt'])
    .where((eb) => eb.or([eb('i.active', '=', 1), eb('l.quantity', '>', 0)]))
    .orderBy(categoryRank('i.category'))
    .orderBy('i.code')
    .execute();
  const stock = rows.map((r) =>
    toStockRow({ ...r, storeId: store.id, storeName: store.name, regionName: store.regionName, quantity: r.quantity ?? 0 }),
  );
  // What runs low comes first: that is what the keeper opens the page for.
  return [...stock.filter((r) => r.low), ...stock.filter((r) => !r.low)];
}

export interface StockFilter {
  regionPath?: string;
  storeId?: string;
  itemId?: string;
  lowOnly?: boolean;
  limit: number;
  offset: number;
}

/** Stock rows of the stores in scope (reads `stock_levels`, which every movement keeps). */
export async function listStock(q: Q, scope: Scope, f: StockFilter): Promise<{ items: StockRow[]; total: number }> {
  let query = q
    .selectFrom('stockLevels as l')
    .innerJoin('stores as s', 's.id', 'l.storeId')
    .innerJoin('regions as r', 'r.id', 's.regionId')
    .innerJoin('supplyItems as i', 'i.id', 'l.itemId')
    .where((eb) => inRegionScope(eb, scope, 'r.path'));
  if (f.regionPath) query = query.where(startsWith('r.path', f.regionPath));
  if (f.storeId) query = query.where('l.storeId', '=', f.storeId);
  if (f.itemId) query = query.where('l.itemId', '=', f.itemId);
  if (f.lowOnly) query = query.where(isLow);
  const count = await query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select(['l.storeId', 's.name as storeName', 'r.name as regionName', 'l.quantity', 'l.lowAt', 'l.updatedAt'])
    .select(['i.id', 'i.code', 'i.nameZh', 'i.nameEn', 'i.unitZh', 'i.unitEn', 'i.category', 'i.active'])
    .orderBy('r.path')
    .orderBy('s.name')
    .orderBy('l.storeId')
    .orderBy(categoryRank('i.category'))
    .orderBy('i.code')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { items: rows.map(toStockRow), total: toNumber(count.n) };
}

/** Sets thresholds, creating the level row at 0 where nothing has moved yet (a threshold is not a movement). */
export async function setThresholds(
  q: Q,
  storeId: string,
  items: readonly { itemId: string; lowAt: number | null }[],
  now: string,
): Promise<void> {
  for (const t of [...items].sort((a, b) => (a.itemId < b.itemId ? -1 : 1))) {
    await q
      .insertInto('stockLevels')
      .values({ storeId, itemId: t.itemId, quantity: 0, lowAt: t.lowAt, updatedAt: now })
      .onConflict((oc) => oc.columns(['storeId', 'itemId']).doUpdateSet({ lowAt: t.lowAt, updatedAt: now }))
      .execute();
  }
}

/** A unit's name, for a donation from one of ours (units are listed publicly, e.g. on the pledge form). */
export async function unitName(q: Q, id: string): Promise<string | undefined> {
  return (await q.selectFrom('units').select('name').where('id', '=', id).executeTakeFirst())?.name;
}

/**
 * Stock items below their threshold per store region, as `lowOnly` lists them: the dashboard's
 * figure. Levels and thresholds are kept as they are now only, so this is the present state.
 */
export async function lowStockFigures(q: Q): Promise<FigureRow[]> {
  const rows = await q
    .selectFrom('stockLevels as l')
    .innerJoin('stores as s', 's.id', 'l.storeId')
    .select((eb) => ['s.regionId', eb.fn.countAll<number | string>().as('n')])
    .where(isLow)
    .groupBy('s.regionId')
    .execute();
  return rows.map((r) => ({ regionId: r.regionId, values: { stockAlerts: toNumber(r.n) } }));
}
