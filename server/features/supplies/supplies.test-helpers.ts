/**
 * Supplies records made straight in the database (for the matrix and the tests), kept consistent
 * the way the service keeps them: every movement also moves `stock_levels`.
 */
import type { Kysely } from 'kysely';
import { calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';

type Q = Kysely<Database>;

export const MASKS = 'item-mask_medical';
export const NOODLES = 'item-instant_noodles';
export const ALCOHOL = 'item-alcohol_75';

let n = 0;
const ref = (prefix: string) => `${prefix}-T${Date.now().toString(36)}-${(++n).toString().padStart(5, '0')}`;
const today = () => calendarDate('Asia/Shanghai');

export async function makeStore(db: Q, o: { regionId: string; name?: string; keeperAccountId?: string | null }): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('stores')
    .values({
      id,
      regionId: o.regionId,
      name: o.name ?? `物资库${id.slice(-6)}`,
      address: null,
      keeperAccountId: o.keeperAccountId ?? null,
      active: 1,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return id;
}

async function movement(
  db: Q,
  m: { storeId: string; itemId: string; delta: number; kind: string; by: string } & Partial<
    Record<'donationId' | 'allocationId' | 'transferId', string>
  >,
) {
  const now = nowIso();
  await db
    .insertInto('stockMovements')
    .values({
      id: newId(),
      storeId: m.storeId,
      itemId: m.itemId,
      delta: m.delta,
      kind: m.kind,
      donationId: m.donationId ?? null,
      allocationId: m.allocationId ?? null,
      transferId: m.transferId ?? null,
      reversesId: null,
      at: now,
      onDate: today(),
      byAccountId: m.by,
      note: null,
      createdAt: now,
    })
    .execute();
  const moved = await db
    .updateTable('stockLevels')
    .set((eb) => ({ quantity: eb('quantity', '+', m.delta), updatedAt: now }))
    .where('storeId', '=', m.storeId)
    .where('itemId', '=', m.itemId)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 0) {
    await db
      .insertInto('stockLevels')
      .values({ storeId: m.storeId, itemId: m.itemId, quantity: m.delta, lowAt: null, updatedAt: now })
      .execute();
  }
}

/** A donation of `quantity` of an item into a store; returns its id. */
export async function stockUp(db: Q, o: { storeId: string; itemId?: string; quantity: number; by: string }): Promise<string> {
  const store = await db.selectFrom('stores').select('regionId').where('id', '=', o.storeId).executeTakeFirstOrThrow();
  const id = newId();
  await db
    .insertInto('donations')
    .values({
      id,
      ref: ref('JZ'),
      storeId: o.storeId,
      regionId: store.regionId,
      donorKind: 'unit',
      donorName: '测试单位',
      donorUnitId: null,
      donorMobile: '13912345678',
      anonymous: 0,
      receivedBy: o.by,
      receivedOn: today(),
      note: null,
      reversedAt: null,
      createdAt: nowIso(),
    })
    .execute();
  await movement(db, {
    storeId: o.storeId,
    itemId: o.itemId ?? MASKS,
    delta: o.quantity,
    kind: 'donation',
    donationId: id,
    by: o.by,
  });
  return id;
}

/** An allocation (sent) of a stocked store's item to a checkpoint; returns its id. */
export async function sendToCheckpoint(
  db: Q,
  o: { storeId: string; checkpointId: string; itemId?: string; quantity: number; by: string },
): Promise<string> {
  const store = await db.selectFrom('stores').select('regionId').where('id', '=', o.storeId).executeTakeFirstOrThrow();
  const cp = await db
    .selectFrom('checkpoints')
    .innerJoin('regions', 'regions.id', 'checkpoints.regionId')
    .select('regions.path')
    .where('checkpoints.id', '=', o.checkpointId)
    .executeTakeFirstOrThrow();
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('allocations')
    .values({
      id,
      ref: ref('FF'),
      storeId: o.storeId,
      regionId: store.regionId,
      toKind: 'checkpoint',
      toCheckpointId: o.checkpointId,
      toTeamId: null,
      toRegionId: null,
      toHouseholdId: null,
      toRegionPath: cp.path,
      purpose: null,
      status: 'sent',
      sentBy: o.by,
      sentAt: now,
      confirmedBy: null,
      confirmedAt: null,
      confirmNote: null,
      createdAt: now,
    })
    .execute();
  await movement(db, {
    storeId: o.storeId,
    itemId: o.itemId ?? MASKS,
    delta: -o.quantity,
    kind: 'allocation',
    allocationId: id,
    by: o.by,
  });
  return id;
}

/** A transfer of an item between two stores (the first must hold it); returns its id. */
export async function transfer(
  db: Q,
  o: { fromStoreId: string; toStoreId: string; itemId?: string; quantity: number; by: string },
): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('transfers')
    .values({
      id,
      ref: ref('DB'),
      fromStoreId: o.fromStoreId,
      toStoreId: o.toStoreId,
      note: null,
      byAccountId: o.by,
      at: now,
      reversedAt: null,
      createdAt: now,
    })
    .execute();
  const itemId = o.itemId ?? MASKS;
  await movement(db, { storeId: o.fromStoreId, itemId, delta: -o.quantity, kind: 'transfer_out', transferId: id, by: o.by });
  await movement(db, { storeId: o.toStoreId, itemId, delta: o.quantity, kind: 'transfer_in', transferId: id, by: o.by });
  return id;
}
