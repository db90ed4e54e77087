import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { HousingStatus, ResidentRelation } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { containsInsensitive, toNumber, type DialectName } from '../../platform/db/dialect.ts';
import { countWhere, inPages, inScopedRegions } from '../../platform/db/listing.ts';
import { placeLabel } from '../../platform/db/place-label.ts';
import type { Database, HouseholdTable, ResidentTable } from '../../platform/db/schema.ts';
import type { FigureRow } from '../dashboard/figure-sources.ts';
import { doorPlateSpellings, parseDoorPlate } from './door-plate.ts';

type Q = Kysely<Database>;

export type HouseholdRow = Omit<HouseholdTable, 'housing'> & {
  housing: HousingStatus;
  regionName: string;
  regionPath: string;
  regionCode: string | null;
  memberCount: number;
};

export type ResidentRow = Omit<ResidentTable, 'relation'> & { relation: ResidentRelation };

export type NewHouseholdRow = Omit<HouseholdTable, 'createdAt' | 'updatedAt'>;
export type NewResidentRow = Omit<ResidentTable, 'createdAt' | 'updatedAt'>;
export type HouseholdPatch = Partial<Omit<HouseholdTable, 'id' | 'createdAt' | 'updatedAt'>>;
export type ResidentPatch = Partial<Omit<ResidentTable, 'id' | 'householdId' | 'createdAt' | 'updatedAt'>>;

export interface HouseholdFilter {
  regionPath?: string;
  q?: string;
  housing?: HousingStatus;
}

function base(q: Q) {
  return q
    .selectFrom('households')
    .innerJoin('regions', 'regions.id', 'households.regionId')
    .leftJoin('regions as parentRegion', 'parentRegion.id', 'regions.parentId')
    .select((eb) => [
      'households.id',
      'households.regionId',
      placeLabel('regions', 'parentRegion').as('regionName'),
      'regions.path as regionPath',
      'regions.code as regionCode',
      'households.building',
      'households.unit',
      'households.room',
      'households.address',
      'households.housing',
      'households.note',
      'households.createdAt',
      'households.updatedAt',
      eb
        .selectFrom('residents')
        .select((r) => r.fn.countAll().as('n'))
        .whereRef('residents.householdId', '=', 'households.id')
        .as('memberCount'),
    ]);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

const toRow = (r: BaseRow): HouseholdRow => ({
  ...r,
  housing: r.housing as HousingStatus,
  memberCount: toNumber(r.memberCount as number | string | null),
});

/**
 * Buildings, units and rooms are numbers written as text ("2号楼", "1802"): ordering by length
 * first puts 2 before 10 on both databases without parsing anything.
 */
function ordered<T extends ReturnType<typeof base>>(query: T): T {
  return query
    .orderBy('regions.path')
    .orderBy(sql`length(coalesce(${sql.ref('households.building')}, ''))`)
    .orderBy('households.building')
    .orderBy(sql`length(coalesce(${sql.ref('households.unit')}, ''))`)
    .orderBy('households.unit')
    .orderBy(sql`length(coalesce(${sql.ref('households.room')}, ''))`)
    .orderBy('households.room')
    .orderBy('households.address')
    .orderBy('households.id') as T;
}

export async function findHousehold(q: Q, id: string): Promise<HouseholdRow | undefined> {
  const row = await base(q).where('households.id', '=', id).executeTakeFirst();
  return row && toRow(row);
}

export async function findHouseholds(q: Q, ids: readonly string[]): Promise<HouseholdRow[]> {
  const out: HouseholdRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    out.push(
      ...(
        await base(q)
          .where('households.id', 'in', ids.slice(i, i + 500))
          .execute()
      ).map(toRow),
    );
  }
  return out;
}

/** `column` is one of `values` (at least one). */
const isOneOf = (column: string, values: readonly string[]) => sql<SqlBool>`${sql.ref(column)} in (${sql.join(values)})`;

/**
 * The filters as conditions on `households` alone; scope becomes `region_id IN (regions under the
 * paths)`. A search that spells a door plate finds exactly that building, unit and room; any other
 * text is looked for in the address and the building.
 */
function conditions(q: Q, dialect: DialectName, scope: Scope, f: HouseholdFilter): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  const inRegions = inScopedRegions(q, 'households.regionId', scope, f.regionPath);
  if (inRegions) out.push(inRegions);
  const plate = f.q ? parseDoorPlate(f.q) : null;
  if (plate) {
    const spelt = doorPlateSpellings(plate);
    out.push(
      isOneOf('households.building', spelt.building),
      isOneOf('households.unit', spelt.unit),
      isOneOf('households.room', spelt.room),
    );
  } else if (f.q) {
    out.push(
      sql<SqlBool>`(${containsInsensitive(dialect, 'households.address', f.q)} or ${containsInsensitive(dialect, 'households.building', f.q)})`,
    );
  }
  if (f.housing) out.push(sql<SqlBool>`${sql.ref('households.housing')} = ${f.housing}`);
  return out;
}

function filtered(q: Q, dialect: DialectName, scope: Scope, f: HouseholdFilter) {
  const where = conditions(q, dialect, scope, f);
  return where.length ? base(q).where((eb) => eb.and(where)) : base(q);
}

export async function listHouseholds(
  q: Q,
  dialect: DialectName,
  scope: Scope,
  f: HouseholdFilter,
  page: { limit: number; offset: number },
): Promise<{ items: HouseholdRow[]; total: number }> {
  const rows = await ordered(filtered(q, dialect, scope, f))
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const total = await countWhere(q, 'households', conditions(q, dialect, scope, f));
  return { items: rows.map(toRow), total };
}

/** Every match in the list's order, in pages (the export). */
export function eachHousehold(
  q: Q,
  dialect: DialectName,
  scope: Scope,
  f: HouseholdFilter,
  pageSize = 1000,
): AsyncGenerator<HouseholdRow[]> {
  return inPages(
    async (limit, offset) =>
      (
        await ordered(filtered(q, dialect, scope, f))
          .limit(limit)
          .offset(offset)
          .execute()
      ).map(toRow),
    pageSize,
  );
}

const RESIDENT_COLUMNS = [
  'residents.id',
  'residents.householdId',
  'residents.name',
  'residents.idNumberEnc',
  'residents.idNumberIndex',
  'residents.mobile',
  'residents.relation',
  'residents.createdAt',
  'residents.updatedAt',
] as const;

const toResident = (r: ResidentTable): ResidentRow => ({ ...r, relation: r.relation as ResidentRelation });

/** The members of these households, head first, then in the order they were entered. */
export async function residentsOf(q: Q, householdIds: readonly string[]): Promise<ResidentRow[]> {
  const out: ResidentRow[] = [];
  for (let i = 0; i < householdIds.length; i += 500) {
    const rows = await q
      .selectFrom('residents')
      .select(RESIDENT_COLUMNS)
      .where('residents.householdId', 'in', householdIds.slice(i, i + 500))
      .orderBy(sql`case when ${sql.ref('residents.relation')} = 'head' then 0 else 1 end`)
      .orderBy('residents.createdAt')
      .orderBy('residents.id')
      .execute();
    out.push(...rows.map(toResident));
  }
  return out;
}

export async function findResident(q: Q, householdId: string, residentId: string): Promise<ResidentRow | undefined> {
  const row = await q
    .selectFrom('residents')
    .select(RESIDENT_COLUMNS)
    .where('residents.id', '=', residentId)
    .where('residents.householdId', '=', householdId)
    .executeTakeFirst();
  return row && toResident(row);
}

/** Members with this blind index in households the scope covers, with their household. */
export async function residentsByIndex(
  q: Q,
  scope: Scope,
  index: string,
): Promise<{ resident: ResidentRow; householdId: string }[]> {
  const rows = await q
    .selectFrom('residents')
    .innerJoin('households', 'households.id', 'residents.householdId')
    .innerJoin('regions', 'regions.id', 'households.regionId')
    .select(RESIDENT_COLUMNS)
    .where('residents.idNumberIndex', '=', index)
    .where((eb) => inRegionScope(eb, scope, 'regions.path'))
    .orderBy('residents.createdAt')
    .orderBy('residents.id')
    .limit(100)
    .execute();
  return rows.map((r) => ({ resident: toResident(r), householdId: r.householdId }));
}

/** Stored households of these regions by address, for the import's match. */
export async function householdsAt(q: Q, regionIds: readonly string[]): Promise<Map<string, HouseholdRow>> {
  const out = new Map<string, HouseholdRow>();
  for (let i = 0; i < regionIds.length; i += 200) {
    const rows = await base(q)
      .where('households.regionId', 'in', regionIds.slice(i, i + 200))
      .execute();
    for (const r of rows) out.set(addressKey(r.regionId, r.address), toRow(r));
  }
  return out;
}

export const addressKey = (regionId: string, address: string) => `${regionId}\u0000${address}`;

/**
 * Adds to the households per region (`household_tallies`, what screening coverage reads) in the
 * writer's transaction. Every household insert, move and delete goes through this file for that.
 * Regions in a fixed order, so two writers on PostgreSQL lock the tally rows alike (no deadlock).
 */
async function tallyHouseholds(q: Q, deltas: ReadonlyMap<string, number>): Promise<void> {
  const rows = [...deltas]
    .filter(([, n]) => n !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([regionId, households]) => ({ regionId, households }));
  for (let i = 0; i < rows.length; i += 500) {
    await q
      .insertInto('householdTallies')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc
          .column('regionId')
          .doUpdateSet((eb) => ({ households: eb('householdTallies.households', '+', eb.ref('excluded.households')) })),
      )
      .execute();
  }
}

export async function insertHouseholds(q: Q, rows: readonly NewHouseholdRow[], now: string): Promise<void> {
  // 10 columns a row: 500 rows stay under both databases' parameter limits.
  for (let i = 0; i < rows.length; i += 500) {
    await q
      .insertInto('households')
      .values(rows.slice(i, i + 500).map((r) => ({ ...r, createdAt: now, updatedAt: now })))
      .execute();
  }
  const added = new Map<string, number>();
  for (const r of rows) added.set(r.regionId, (added.get(r.regionId) ?? 0) + 1);
  await tallyHouseholds(q, added);
}

export async function insertResidents(q: Q, rows: readonly NewResidentRow[], now: string): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await q
      .insertInto('residents')
      .values(rows.slice(i, i + 500).map((r) => ({ ...r, createdAt: now, updatedAt: now })))
      .execute();
  }
}

export async function updateHousehold(q: Q, id: string, patch: HouseholdPatch, now: string): Promise<void> {
  // A move takes its tally along: the region it leaves is read under the row's lock (this first
  // update takes it), so two moves at once cannot both count the household out of one region.
  const before = patch.regionId
    ? await q.updateTable('households').set({ updatedAt: now }).where('id', '=', id).returning('regionId').executeTakeFirst()
    : undefined;
  await q
    .updateTable('households')
    .set({ ...patch, updatedAt: now })
    .where('id', '=', id)
    .execute();
  if (before && patch.regionId && before.regionId !== patch.regionId) {
    await tallyHouseholds(
      q,
      new Map([
        [before.regionId, -1],
        [patch.regionId, 1],
      ]),
    );
  }
}

/** A change to a member is a change to the household's file: its updatedAt moves too. */
export async function touchHousehold(q: Q, id: string, now: string): Promise<void> {
  await q.updateTable('households').set({ updatedAt: now }).where('id', '=', id).execute();
}

export async function deleteHousehold(q: Q, id: string): Promise<void> {
  await q.deleteFrom('residents').where('householdId', '=', id).execute();
  const gone = await q.deleteFrom('households').where('id', '=', id).returning('regionId').executeTakeFirst();
  if (gone) await tallyHouseholds(q, new Map([[gone.regionId, -1]]));
}

export async function updateResident(q: Q, id: string, patch: ResidentPatch, now: string): Promise<void> {
  await q
    .updateTable('residents')
    .set({ ...patch, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

export async function deleteResidents(q: Q, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await q
      .deleteFrom('residents')
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  }
}

/** Whether any household is filed in the region (the demo loader's "already loaded" check). */
export async function anyIn(q: Q, regionIds: readonly string[]): Promise<boolean> {
  if (regionIds.length === 0) return false;
  return !!(await q.selectFrom('households').select('id').where('regionId', 'in', regionIds).limit(1).executeTakeFirst());
}

/**
 * Households per region for the dashboard: from the tallies for today's live window (one row a region);
 * for a past moment, those created by then, counted from the rows. The rows keep no deletions and
 * no moves, so a past count leaves out households deleted since and puts moved ones where they
 * are now.
 */
export async function householdFigures(q: Q, to: string, live: boolean): Promise<FigureRow[]> {
  const rows = live
    ? await q.selectFrom('householdTallies').select(['regionId', 'households as n']).where('households', '>', 0).execute()
    : await q
        .selectFrom('households')
        .select((eb) => ['regionId', eb.fn.countAll<number | string>().as('n')])
        .where('createdAt', '<=', to)
        .groupBy('regionId')
        .execute();
  return rows.map((r) => ({ regionId: r.regionId, values: { households: toNumber(r.n) } }));
}
