/** Checks on the books for the supplies tests: levels equal the sum of movements and are never negative. */
import { expect } from 'vitest';
import type { TestApp } from '../../../test/app.ts';
import { toNumber } from '../../platform/db/dialect.ts';

export async function levelOf(t: TestApp, storeId: string, itemId: string): Promise<number> {
  const row = await t.deps.db.db
    .selectFrom('stockLevels')
    .select('quantity')
    .where('storeId', '=', storeId)
    .where('itemId', '=', itemId)
    .executeTakeFirst();
  return row ? toNumber(row.quantity) : 0;
}

/** Every level row equals the sum of its store's movements of the item, and no sum lacks a row. */
export async function expectBooksBalanced(t: TestApp): Promise<void> {
  const db = t.deps.db.db;
  const levels = await db.selectFrom('stockLevels').select(['storeId', 'itemId', 'quantity']).execute();
  const sums = await db
    .selectFrom('stockMovements')
    .select(['storeId', 'itemId'])
    .select((eb) => eb.fn.sum<number | string>('delta').as('total'))
    .groupBy(['storeId', 'itemId'])
    .execute();
  const byPair = new Map(sums.map((s) => [`${s.storeId}/${s.itemId}`, toNumber(s.total)]));
  for (const l of levels) {
    expect(toNumber(l.quantity), `level of ${l.storeId}/${l.itemId}`).toBe(byPair.get(`${l.storeId}/${l.itemId}`) ?? 0);
    expect(toNumber(l.quantity)).toBeGreaterThanOrEqual(0);
    byPair.delete(`${l.storeId}/${l.itemId}`);
  }
  expect(
    [...byPair.entries()].filter(([, total]) => total !== 0),
    'movements without a level row',
  ).toEqual([]);
}
