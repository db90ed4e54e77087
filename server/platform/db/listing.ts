/**
 * The pieces every registry list repeats (households, volunteers, …): the region filter as an
 * `IN` over the regions in question, the total counted on the bare table, and the export walking
 * the list a page at a time.
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Scope } from '../access/actor.ts';
import { inRegionScope } from '../access/scope.ts';
import { startsWith, toNumber } from './dialect.ts';
import type { Database } from './schema.ts';

/**
 * `column` (a region id) is one of the regions `scope` covers, under `regionPath` when given; null
 * when that is every region. As `region_id IN (…)`, both databases walk the region index for the
 * few regions in question instead of scanning the whole table.
 */
export function inScopedRegions(
  q: Kysely<Database>,
  column: string,
  scope: Scope,
  regionPath: string | undefined,
): Expression<SqlBool> | null {
  if (scope.all && !regionPath) return null;
  let regions = q
    .selectFrom('regions')
    .select('regions.id')
    .where((eb) => inRegionScope(eb, scope, 'regions.path'));
  if (regionPath) regions = regions.where(startsWith('regions.path', regionPath));
  return sql<SqlBool>`${sql.ref(column)} in ${regions}`;
}

/** How many rows of `table` meet every condition: a list's total without the list's joins. */
export async function countWhere(
  q: Kysely<Database>,
  table: keyof Database & string,
  where: readonly Expression<SqlBool>[],
): Promise<number> {
  const row = await q
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .where((eb) => eb.and([...where]))
    .executeTakeFirstOrThrow();
  return toNumber(row.n as number | string);
}

/** The rows `page` gives, `size` at a time until a short page: an export holds one page in memory. */
export async function* inPages<T>(page: (limit: number, offset: number) => Promise<T[]>, size: number): AsyncGenerator<T[]> {
  for (let offset = 0; ; offset += size) {
    const rows = await page(size, offset);
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
  }
}
