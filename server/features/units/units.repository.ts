import type { Kysely } from 'kysely';
import type { UnitKind } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { containsInsensitive, startsWith, toNumber, type DialectName } from '../../platform/db/dialect.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { Unit } from './units.schemas.ts';

type Q = Kysely<Database>;

export interface UnitRow extends Unit {
  regionPath: string;
}

function base(q: Q) {
  return q
    .selectFrom('units')
    .innerJoin('regions', 'regions.id', 'units.regionId')
    .select([
      'units.id',
      'units.name',
      'units.kind',
      'units.regionId',
      'regions.name as regionName',
      'regions.path as regionPath',
      'units.contact',
    ]);
}

const toUnit = (r: { kind: string } & Omit<UnitRow, 'kind'>): UnitRow => ({ ...r, kind: r.kind as UnitKind });

export async function findUnit(q: Q, id: string): Promise<UnitRow | undefined> {
  const row = await base(q).where('units.id', '=', id).executeTakeFirst();
  return row && toUnit(row);
}

export async function listUnits(
  q: Q,
  dialect: DialectName,
  scope: Scope,
  filter: { regionPath?: string; kind?: UnitKind; q?: string; limit: number; offset: number },
): Promise<{ items: UnitRow[]; total: number }> {
  let query = base(q).where((eb) => inRegionScope(eb, scope, 'regions.path'));
  if (filter.regionPath) query = query.where(startsWith('regions.path', filter.regionPath));
  if (filter.kind) query = query.where('units.kind', '=', filter.kind);
  if (filter.q) query = query.where(containsInsensitive(dialect, 'units.name', filter.q));
  const totalRow = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query.orderBy('regions.path').orderBy('units.name').limit(filter.limit).offset(filter.offset).execute();
  return { items: rows.map(toUnit), total: toNumber(totalRow.n as number | string) };
}

export async function findUnitByName(q: Q, regionId: string, name: string): Promise<{ id: string } | undefined> {
  return q.selectFrom('units').select('id').where('regionId', '=', regionId).where('name', '=', name).executeTakeFirst();
}

export async function insertUnit(
  q: Q,
  unit: { id: string; name: string; kind: UnitKind; regionId: string; contact: string | null },
  now: string,
): Promise<void> {
  await q
    .insertInto('units')
    .values({ ...unit, createdAt: now, updatedAt: now })
    .execute();
}

export async function updateUnit(
  q: Q,
  id: string,
  patch: Partial<{ name: string; kind: UnitKind; regionId: string; contact: string | null }>,
  now: string,
): Promise<void> {
  await q
    .updateTable('units')
    .set({ ...patch, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

export async function deleteUnit(q: Q, id: string): Promise<void> {
  await q.deleteFrom('units').where('id', '=', id).execute();
}

/** Volunteers and pledges naming this unit: the foreign keys would refuse its delete. */
export async function unitRecords(q: Q, id: string): Promise<number> {
  let n = 0;
  for (const table of ['volunteers', 'pledges'] as const) {
    const row = await q
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .where('unitId', '=', id)
      .executeTakeFirstOrThrow();
    n += toNumber(row.n as number | string);
  }
  return n;
}
