/** The SQL of stock movements: levels, the movements themselves, and the lines and reversals read from them. */
import { sql, type Kysely } from 'kysely';
import type { MovementKind } from '../../../common/enums.ts';
import { toNumber } from '../../platform/db/dialect.ts';
import type { Database, StockMovementTable } from '../../platform/db/schema.ts';
import type { FigureRow } from '../dashboard/figure-sources.ts';
import type { Movement } from './catalogue.schemas.ts';
import { categoryRank, toItem } from './catalogue.repository.ts';
import type { Item } from './supplies.schemas.ts';

type Q = Kysely<Database>;

export type SourceColumn = 'donationId' | 'allocationId' | 'transferId';

/** Current quantities of (store, item) pairs; a pair nothing has moved yet is absent (0). */
export async function levelsOf(q: Q, storeIds: readonly string[], itemIds: readonly string[]): Promise<Map<string, number>> {
  if (storeIds.length === 0 || itemIds.length === 0) return new Map();
  const rows = await q
    .selectFrom('stockLevels')
    .select(['storeId', 'itemId', 'quantity'])
    .where('storeId', 'in', [...new Set(storeIds)])
    .where('itemId', 'in', [...new Set(itemIds)])
    .execute();
  return new Map(rows.map((r) => [`${r.storeId}/${r.itemId}`, toNumber(r.quantity)]));
}

export async function insertMovements(q: Q, rows: readonly StockMovementTable[]): Promise<void> {
  // 14 columns a row: 200 rows stay under both databases' parameter limits.
  for (let i = 0; i < rows.length; i += 200)
    await q
      .insertInto('stockMovements')
      .values(rows.slice(i, i + 200))
      .execute();
}

/**
 * Moves a level by `delta` in one atomic statement and returns it with its threshold. Concurrent
 * writers serialise on the row, each adding to what the one before left; the table's check
 * (quantity >= 0) refuses the one that would go below zero, even when its own pre-check read an
 * older value. A pair with no row yet starts from 0, so a negative first delta fails the check.
 * (Not one upsert: both databases check the proposed row of `insert … on conflict` before they
 * see the conflict, so a negative delta would fail even with stock there.)
 */
export async function bumpLevel(
  q: Q,
  storeId: string,
  itemId: string,
  delta: number,
  now: string,
): Promise<{ quantity: number; lowAt: number | null }> {
  const update = () =>
    q
      .updateTable('stockLevels')
      .set((eb) => ({ quantity: eb('quantity', '+', delta), updatedAt: now }))
      .where('storeId', '=', storeId)
      .where('itemId', '=', itemId)
      .returning(['quantity', 'lowAt'])
      .executeTakeFirst();
  const row =
    (await update()) ??
    (await q
      .insertInto('stockLevels')
      .values({ storeId, itemId, quantity: delta, lowAt: null, updatedAt: now })
      .onConflict((oc) => oc.columns(['storeId', 'itemId']).doNothing())
      .returning(['quantity', 'lowAt'])
      .executeTakeFirst()) ??
    // Another writer made the row between the two statements: add to theirs.
    (await update());
  if (!row) throw new Error(`stock level ${storeId}/${itemId} neither updated nor inserted`);
  return { quantity: toNumber(row.quantity), lowAt: row.lowAt === null ? null : toNumber(row.lowAt) };
}

/** The movements a record made (not its reversals), to reverse them. */
export async function originalMovements(q: Q, column: SourceColumn, id: string): Promise<StockMovementTable[]> {
  return q
    .selectFrom('stockMovements')
    .selectAll()
    .where(column, '=', id)
    .where('kind', '!=', 'reversal')
    .orderBy('id')
    .execute();
}

/**
 * The lines of records, read from their movements: a donation's in, an allocation's out, a
 * transfer's out of the sending store (quantities positive), in catalogue order.
 */
export async function linesOf(
  q: Q,
  column: SourceColumn,
  kind: MovementKind,
  ids: readonly string[],
): Promise<Map<string, { item: Item; quantity: number }[]>> {
  const out = new Map<string, { item: Item; quantity: number }[]>();
  if (ids.length === 0) return out;
  const rows = await q
    .selectFrom('stockMovements as m')
    .innerJoin('supplyItems as i', 'i.id', 'm.itemId')
    .select([`m.${column} as sourceId`, 'm.delta'])
    .select(['i.id', 'i.code', 'i.nameZh', 'i.nameEn', 'i.unitZh', 'i.unitEn', 'i.category', 'i.active'])
    .where(`m.${column}`, 'in', [...new Set(ids)])
    .where('m.kind', '=', kind)
    .orderBy(categoryRank('i.category'))
    .orderBy('i.code')
    .execute();
  for (const r of rows) {
    const key = r.sourceId as string;
    const lines = out.get(key) ?? [];
    lines.push({ item: toItem(r), quantity: Math.abs(toNumber(r.delta)) });
    out.set(key, lines);
  }
  return out;
}

/** When, by whom and why records were reversed (the note of their first reversing movement). */
export async function reversalsOf(
  q: Q,
  column: SourceColumn,
  ids: readonly string[],
): Promise<Map<string, { at: string; by: { id: string; name: string }; reason: string }>> {
  const out = new Map<string, { at: string; by: { id: string; name: string }; reason: string }>();
  if (ids.length === 0) return out;
  const rows = await q
    .selectFrom('stockMovements as m')
    .innerJoin('accounts as a', 'a.id', 'm.byAccountId')
    .select([`m.${column} as sourceId`, 'm.at', 'm.byAccountId', 'a.name', 'm.note'])
    .where(`m.${column}`, 'in', [...new Set(ids)])
    .where('m.kind', '=', 'reversal')
    .orderBy('m.id')
    .execute();
  for (const r of rows) {
    const key = r.sourceId as string;
    if (!out.has(key)) out.set(key, { at: r.at, by: { id: r.byAccountId, name: r.name }, reason: r.note ?? '' });
  }
  return out;
}

/** A store's movements, newest first, with the record each belongs to. */
export async function movementsOf(
  q: Q,
  storeId: string,
  f: { itemId?: string; from?: string; to?: string; limit: number; offset: number },
): Promise<{ items: Movement[]; total: number }> {
  let query = q.selectFrom('stockMovements as m').where('m.storeId', '=', storeId);
  if (f.itemId) query = query.where('m.itemId', '=', f.itemId);
  if (f.from) query = query.where('m.onDate', '>=', f.from);
  if (f.to) query = query.where('m.onDate', '<=', f.to);
  const count = await query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .innerJoin('supplyItems as i', 'i.id', 'm.itemId')
    .innerJoin('accounts as a', 'a.id', 'm.byAccountId')
    .leftJoin('donations as d', 'd.id', 'm.donationId')
    .leftJoin('allocations as al', 'al.id', 'm.allocationId')
    .leftJoin('transfers as t', 't.id', 'm.transferId')
    .select(['m.id as movementId', 'm.at', 'm.onDate', 'm.kind', 'm.delta', 'm.note', 'm.byAccountId', 'a.name as byName'])
    .select([
      'm.donationId',
      'd.ref as donationRef',
      'm.allocationId',
      'al.ref as allocationRef',
      'm.transferId',
      't.ref as transferRef',
    ])
    .select(['i.id', 'i.code', 'i.nameZh', 'i.nameEn', 'i.unitZh', 'i.unitEn', 'i.category', 'i.active'])
    .select((eb) => eb.selectFrom('stockMovements as r').select('r.id').whereRef('r.reversesId', '=', 'm.id').as('reversedBy'))
    .orderBy('m.at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.movementId,
      at: r.at,
      onDate: r.onDate,
      kind: r.kind as MovementKind,
      item: toItem(r),
      delta: toNumber(r.delta),
      source: r.donationId
        ? { kind: 'donation' as const, id: r.donationId, ref: r.donationRef ?? '' }
        : r.allocationId
          ? { kind: 'allocation' as const, id: r.allocationId, ref: r.allocationRef ?? '' }
          : r.transferId
            ? { kind: 'transfer' as const, id: r.transferId, ref: r.transferRef ?? '' }
            : null,
      by: { id: r.byAccountId, name: r.byName },
      note: r.note,
      reversed: r.reversedBy !== null,
    })),
    total: toNumber(count.n),
  };
}

/**
 * Lines received (donations) and issued (allocations) on a day per store region, leaving out those
 * reversed before `to`: the dashboard's supplies in and out. A line counts on its movement's date
 * (a donation's received date, as the movement history lists it); transfers only move stock
 * between the city's own stores.
 */
export async function dayFigures(q: Q, day: string, to: string): Promise<FigureRow[]> {
  const count = (kind: string) => sql<number | string>`SUM(CASE WHEN ${sql.ref('m.kind')} = ${kind} THEN 1 ELSE 0 END)`;
  const rows = await q
    .selectFrom('stockMovements as m')
    .innerJoin('stores as s', 's.id', 'm.storeId')
    .select(['s.regionId', count('donation').as('suppliesIn'), count('allocation').as('suppliesOut')])
    .where('m.onDate', '=', day)
    .where('m.kind', 'in', ['donation', 'allocation'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('stockMovements as r').select('r.id').whereRef('r.reversesId', '=', 'm.id').where('r.at', '<', to),
        ),
      ),
    )
    .groupBy('s.regionId')
    .execute();
  return rows.map((r) => ({
    regionId: r.regionId,
    values: { suppliesIn: toNumber(r.suppliesIn), suppliesOut: toNumber(r.suppliesOut) },
  }));
}
