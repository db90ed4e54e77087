import { sql, type Kysely } from 'kysely';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { startsWith, toNumber } from '../../platform/db/dialect.ts';
import type { Database, RegionTable } from '../../platform/db/schema.ts';
import type { Region } from './regions.schemas.ts';
import type { RegionLevel } from '../../../common/enums.ts';

type Q = Kysely<Database>;

const COLUMNS = ['id', 'parentId', 'code', 'name', 'level', 'path', 'sortOrder'] as const;

function toRegion(row: Pick<RegionTable, (typeof COLUMNS)[number]>): Region {
  return { ...row, level: row.level as RegionLevel, sortOrder: toNumber(row.sortOrder) };
}

export async function findRegion(q: Q, id: string): Promise<Region | undefined> {
  const row = await q.selectFrom('regions').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && toRegion(row);
}

/** The first region without a parent, in tree order. */
export async function firstRoot(q: Q): Promise<Region | undefined> {
  const row = await q
    .selectFrom('regions')
    .select(COLUMNS)
    .where('parentId', 'is', null)
    .orderBy('sortOrder')
    .orderBy('code')
    .orderBy('name')
    .limit(1)
    .executeTakeFirst();
  return row && toRegion(row);
}

export async function findRegionsByIds(q: Q, ids: string[]): Promise<Region[]> {
  if (ids.length === 0) return [];
  const rows = await q.selectFrom('regions').select(COLUMNS).where('id', 'in', ids).execute();
  return rows.map(toRegion);
}

export async function findRegionByCode(q: Q, code: string): Promise<Region | undefined> {
  const row = await q.selectFrom('regions').select(COLUMNS).where('code', '=', code).executeTakeFirst();
  return row && toRegion(row);
}

export async function findRegionsByCodes(q: Q, codes: string[]): Promise<Region[]> {
  const out: Region[] = [];
  // Chunks keep the parameter count under SQLite's and PostgreSQL's limits.
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await q
      .selectFrom('regions')
      .select(COLUMNS)
      .where('code', 'in', codes.slice(i, i + 500))
      .execute();
    out.push(...rows.map(toRegion));
  }
  return out;
}

/** Regions with any of these names (names repeat across the tree: 第一网格 is in every community). */
export async function findRegionsByNames(q: Q, names: string[]): Promise<Region[]> {
  const out: Region[] = [];
  for (let i = 0; i < names.length; i += 500) {
    const rows = await q
      .selectFrom('regions')
      .select(COLUMNS)
      .where('name', 'in', names.slice(i, i + 500))
      .execute();
    out.push(...rows.map(toRegion));
  }
  return out;
}

/** Every region in the scope, parents before children. */
export async function listRegionsInScope(q: Q, scope: Scope): Promise<Region[]> {
  const rows = await q
    .selectFrom('regions')
    .select(COLUMNS)
    .where((eb) => inRegionScope(eb, scope, 'regions.path'))
    .orderBy('path')
    .execute();
  return rows.map(toRegion);
}

export async function insertRegion(q: Q, region: Region, now: string): Promise<void> {
  await q
    .insertInto('regions')
    .values({ ...region, createdAt: now, updatedAt: now })
    .execute();
}

/** Many regions at once, in chunks that keep the parameter count under both databases' limits. */
export async function insertRegions(q: Q, regions: Region[], now: string): Promise<void> {
  for (let i = 0; i < regions.length; i += 500) {
    const chunk = regions.slice(i, i + 500).map((r) => ({ ...r, createdAt: now, updatedAt: now }));
    await q.insertInto('regions').values(chunk).execute();
  }
}

/** New names for many regions, one statement per chunk of 500 (a CASE on the id), not one per region. */
export async function renameRegions(q: Q, renames: { id: string; name: string }[], now: string): Promise<void> {
  for (let i = 0; i < renames.length; i += 500) {
    const chunk = renames.slice(i, i + 500);
    const name = sql<string>`CASE id ${sql.join(
      chunk.map((r) => sql`WHEN ${r.id} THEN ${r.name}`),
      sql` `,
    )} END`;
    await q
      .updateTable('regions')
      .set({ name, updatedAt: now })
      .where(
        'id',
        'in',
        chunk.map((r) => r.id),
      )
      .execute();
  }
}

export async function updateRegion(
  q: Q,
  id: string,
  patch: Partial<Pick<Region, 'name' | 'code' | 'sortOrder'>>,
  now: string,
): Promise<void> {
  await q
    .updateTable('regions')
    .set({ ...patch, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

/** Re-roots a whole subtree: every path under `oldPath` gets `newPath` in its place. */
export async function moveSubtree(
  q: Q,
  id: string,
  newParentId: string,
  oldPath: string,
  newPath: string,
  now: string,
): Promise<void> {
  await q
    .updateTable('regions')
    .set({
      path: sql<string>`${newPath} || substr(path, ${oldPath.length + 1})`,
      updatedAt: now,
    })
    .where(startsWith('path', oldPath))
    .execute();
  await q.updateTable('regions').set({ parentId: newParentId }).where('id', '=', id).execute();
}

export async function deleteRegion(q: Q, id: string): Promise<void> {
  await q.deleteFrom('regions').where('id', '=', id).execute();
}

/** What still points at a region; a region in use is not deleted. */
export async function regionUsage(
  q: Q,
  id: string,
): Promise<{ children: number; units: number; grants: number; records: number }> {
  const count = async (
    table: 'regions' | 'units' | 'roleGrants' | 'teams' | 'posts' | 'volunteers' | 'pledges',
    column: 'parentId' | 'regionId',
  ) => {
    const row = await q
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .where(sql.ref(column), '=', id)
      .executeTakeFirstOrThrow();
    return toNumber(row.n as number | string);
  };
  return {
    children: await count('regions', 'parentId'),
    units: await count('units', 'regionId'),
    grants: await count('roleGrants', 'regionId'),
    // Volunteers' and pledges' homes, teams' and posts' places: the foreign keys would refuse the delete.
    records:
      (await count('volunteers', 'regionId')) +
      (await count('pledges', 'regionId')) +
      (await count('teams', 'regionId')) +
      (await count('posts', 'regionId')),
  };
}
