import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

type Q = Kysely<Database>;

export interface RegionRow {
  id: string;
  parentId: string | null;
  name: string;
  level: string;
  path: string;
}

const REGION_COLUMNS = ['id', 'parentId', 'name', 'level', 'path'] as const;

/** Every region's path, once per refresh: at city scale about 15,000 short rows. */
export async function regionPaths(q: Q): Promise<Map<string, string>> {
  const rows = await q.selectFrom('regions').select(['id', 'path']).execute();
  return new Map(rows.map((r) => [r.id, r.path]));
}

export async function findRegions(q: Q, ids: string[]): Promise<RegionRow[]> {
  if (ids.length === 0) return [];
  return q.selectFrom('regions').select(REGION_COLUMNS).where('id', 'in', ids).execute();
}

/** A region's direct children in tree order (as regions.service's tree), each saying whether it has children of its own. */
export async function children(q: Q, parentId: string): Promise<(RegionRow & { hasChildren: boolean })[]> {
  const rows = await q
    .selectFrom('regions as r')
    .select(['r.id', 'r.parentId', 'r.name', 'r.level', 'r.path'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('regions as c')
            .select(sql<number>`1`.as('one'))
            .whereRef('c.parentId', '=', 'r.id'),
        )
        .as('hasChildren'),
    )
    .where('r.parentId', '=', parentId)
    .orderBy('r.sortOrder')
    .orderBy('r.code')
    .orderBy('r.name')
    .execute();
  return rows.map((r) => ({ ...r, hasChildren: r.hasChildren === true || Number(r.hasChildren) === 1 }));
}

/** Stored figures (JSON text) of these regions on these days. */
export async function figureRows(
  q: Q,
  regionIds: string[],
  days: string[],
): Promise<{ regionId: string; day: string; figures: string }[]> {
  if (regionIds.length === 0 || days.length === 0) return [];
  return q
    .selectFrom('dashboardFigures')
    .select(['regionId', 'day', 'figures'])
    .where('regionId', 'in', regionIds)
    .where('day', 'in', days)
    .execute();
}

/** A whole day's stored figures, to compare a refresh's sums with. */
export async function dayFigures(q: Q, day: string): Promise<Map<string, string>> {
  const rows = await q.selectFrom('dashboardFigures').select(['regionId', 'figures']).where('day', '=', day).execute();
  return new Map(rows.map((r) => [r.regionId, r.figures]));
}

/** Rows per statement: 4 parameters each stays far under both databases' limits. */
const CHUNK = 500;

function chunks<T>(xs: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

export async function upsertFigures(q: Q, day: string, rows: { regionId: string; figures: string }[], at: string) {
  // Sorted, so two instances refreshing at once lock rows in the same order on PostgreSQL.
  const sorted = [...rows].sort((a, b) => (a.regionId < b.regionId ? -1 : 1));
  for (const part of chunks(sorted)) {
    await q
      .insertInto('dashboardFigures')
      .values(part.map((r) => ({ regionId: r.regionId, day, figures: r.figures, computedAt: at })))
      .onConflict((oc) =>
        oc.columns(['regionId', 'day']).doUpdateSet((eb) => ({
          figures: eb.ref('excluded.figures'),
          computedAt: eb.ref('excluded.computedAt'),
        })),
      )
      .execute();
  }
}

export async function deleteFigures(q: Q, day: string, regionIds: string[]): Promise<void> {
  for (const part of chunks([...regionIds].sort())) {
    await q.deleteFrom('dashboardFigures').where('day', '=', day).where('regionId', 'in', part).execute();
  }
}

/** When each of these days was last computed; a day never computed is absent. */
export async function computedDays(q: Q, days: string[]): Promise<Map<string, string>> {
  if (days.length === 0) return new Map();
  const rows = await q.selectFrom('dashboardDays').select(['day', 'computedAt']).where('day', 'in', days).execute();
  return new Map(rows.map((r) => [r.day, r.computedAt]));
}

export async function markDayComputed(q: Q, day: string, at: string): Promise<void> {
  await q
    .insertInto('dashboardDays')
    .values({ day, computedAt: at })
    .onConflict((oc) => oc.column('day').doUpdateSet({ computedAt: at }))
    .execute();
}
