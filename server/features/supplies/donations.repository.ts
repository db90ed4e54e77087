import type { Kysely } from 'kysely';
import type { DonorKind } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { startsWith, toBool, toNumber } from '../../platform/db/dialect.ts';
import type { Database, DonationTable } from '../../platform/db/schema.ts';

type Q = Kysely<Database>;

function base(q: Q) {
  return q
    .selectFrom('donations as d')
    .innerJoin('stores as s', 's.id', 'd.storeId')
    .innerJoin('regions as r', 'r.id', 'd.regionId')
    .innerJoin('accounts as a', 'a.id', 'd.receivedBy')
    .leftJoin('units as u', 'u.id', 'd.donorUnitId')
    .select([
      'd.id',
      'd.ref',
      'd.storeId',
      's.name as storeName',
      'r.name as regionName',
      'r.path as regionPath',
      'd.donorKind',
      'd.donorName',
      'd.donorUnitId',
      'u.name as donorUnitName',
      'd.donorMobile',
      'd.anonymous',
      'd.receivedBy',
      'a.name as receivedByName',
      'd.receivedOn',
      'd.note',
      'd.reversedAt',
      'd.createdAt',
    ]);
}

export interface DonationRow {
  id: string;
  ref: string;
  store: { id: string; name: string; regionName: string };
  regionPath: string;
  donorKind: DonorKind;
  donorName: string;
  donorUnit: { id: string; name: string } | null;
  donorMobile: string | null;
  anonymous: boolean;
  receivedBy: { id: string; name: string };
  receivedOn: string;
  note: string | null;
  reversedAt: string | null;
  createdAt: string;
}

function toRow(r: Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>): DonationRow {
  return {
    id: r.id,
    ref: r.ref,
    store: { id: r.storeId, name: r.storeName, regionName: r.regionName },
    regionPath: r.regionPath,
    donorKind: r.donorKind as DonorKind,
    donorName: r.donorName,
    donorUnit: r.donorUnitId ? { id: r.donorUnitId, name: r.donorUnitName ?? '' } : null,
    donorMobile: r.donorMobile,
    anonymous: toBool(r.anonymous),
    receivedBy: { id: r.receivedBy, name: r.receivedByName },
    receivedOn: r.receivedOn,
    note: r.note,
    reversedAt: r.reversedAt,
    createdAt: r.createdAt,
  };
}

export async function findDonation(q: Q, id: string): Promise<DonationRow | undefined> {
  const row = await base(q).where('d.id', '=', id).executeTakeFirst();
  return row && toRow(row);
}

export async function listDonations(
  q: Q,
  scope: Scope,
  f: { regionPath?: string; storeId?: string; from?: string; to?: string; limit: number; offset: number },
): Promise<{ items: DonationRow[]; total: number }> {
  let query = base(q).where((eb) => inRegionScope(eb, scope, 'r.path'));
  if (f.regionPath) query = query.where(startsWith('r.path', f.regionPath));
  if (f.storeId) query = query.where('d.storeId', '=', f.storeId);
  if (f.from) query = query.where('d.receivedOn', '>=', f.from);
  if (f.to) query = query.where('d.receivedOn', '<=', f.to);
  const count = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query.orderBy('d.receivedOn', 'desc').orderBy('d.ref', 'desc').limit(f.limit).offset(f.offset).execute();
  return { items: rows.map(toRow), total: toNumber(count.n) };
}

export async function insertDonation(q: Q, row: DonationTable): Promise<void> {
  await q.insertInto('donations').values(row).execute();
}

export async function markReversed(q: Q, id: string, at: string): Promise<boolean> {
  const r = await q
    .updateTable('donations')
    .set({ reversedAt: at })
    .where('id', '=', id)
    .where('reversedAt', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
