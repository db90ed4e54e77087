import type { Kysely } from 'kysely';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { startsWith, toNumber } from '../../platform/db/dialect.ts';
import type { Database, TransferTable } from '../../platform/db/schema.ts';

type Q = Kysely<Database>;

function base(q: Q) {
  return q
    .selectFrom('transfers as t')
    .innerJoin('stores as fs', 'fs.id', 't.fromStoreId')
    .innerJoin('regions as fr', 'fr.id', 'fs.regionId')
    .innerJoin('stores as ts', 'ts.id', 't.toStoreId')
    .innerJoin('regions as tr', 'tr.id', 'ts.regionId')
    .innerJoin('accounts as a', 'a.id', 't.byAccountId')
    .select([
      't.id',
      't.ref',
      't.fromStoreId',
      'fs.name as fromName',
      'fr.name as fromRegionName',
      'fr.path as fromPath',
      't.toStoreId',
      'ts.name as toName',
      'tr.name as toRegionName',
      'tr.path as toPath',
      't.note',
      't.byAccountId',
      'a.name as byName',
      't.at',
      't.reversedAt',
    ]);
}

export interface TransferRow {
  id: string;
  ref: string;
  from: { id: string; name: string; regionName: string };
  to: { id: string; name: string; regionName: string };
  fromPath: string;
  toPath: string;
  note: string | null;
  by: { id: string; name: string };
  at: string;
  reversedAt: string | null;
}

function toRow(r: Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>): TransferRow {
  return {
    id: r.id,
    ref: r.ref,
    from: { id: r.fromStoreId, name: r.fromName, regionName: r.fromRegionName },
    to: { id: r.toStoreId, name: r.toName, regionName: r.toRegionName },
    fromPath: r.fromPath,
    toPath: r.toPath,
    note: r.note,
    by: { id: r.byAccountId, name: r.byName },
    at: r.at,
    reversedAt: r.reversedAt,
  };
}

export async function findTransfer(q: Q, id: string): Promise<TransferRow | undefined> {
  const row = await base(q).where('t.id', '=', id).executeTakeFirst();
  return row && toRow(row);
}

/** Transfers out of or into a store in scope. */
export async function listTransfers(
  q: Q,
  scope: Scope,
  f: { regionPath?: string; storeId?: string; limit: number; offset: number },
): Promise<{ items: TransferRow[]; total: number }> {
  let query = base(q).where((eb) => eb.or([inRegionScope(eb, scope, 'fr.path'), inRegionScope(eb, scope, 'tr.path')]));
  const path = f.regionPath;
  if (path) query = query.where((eb) => eb.or([startsWith('fr.path', path), startsWith('tr.path', path)]));
  const store = f.storeId;
  if (store) query = query.where((eb) => eb.or([eb('t.fromStoreId', '=', store), eb('t.toStoreId', '=', store)]));
  const count = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query.orderBy('t.at', 'desc').orderBy('t.id', 'desc').limit(f.limit).offset(f.offset).execute();
  return { items: rows.map(toRow), total: toNumber(count.n) };
}

export async function insertTransfer(q: Q, row: TransferTable): Promise<void> {
  await q.insertInto('transfers').values(row).execute();
}

export async function markReversed(q: Q, id: string, at: string): Promise<boolean> {
  const r = await q
    .updateTable('transfers')
    .set({ reversedAt: at })
    .where('id', '=', id)
    .where('reversedAt', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
