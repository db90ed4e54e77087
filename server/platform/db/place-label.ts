import { sql, type RawBuilder } from 'kysely';

/**
 * How a home place reads in lists: a grid with its community in front ("雪松社区 第二网格"), since
 * every community has a 第一网格; any other region by its own name. `region` is the joined
 * regions table, `parent` the same table joined again on its parent.
 */
export function placeLabel(region: string, parent: string): RawBuilder<string> {
  const name = sql.ref(`${region}.name`);
  return sql<string>`CASE WHEN ${sql.ref(`${region}.level`)} = 'grid' AND ${sql.ref(`${parent}.name`)} IS NOT NULL THEN ${sql.ref(`${parent}.name`)} || ' ' || ${name} ELSE ${name} END`;
}
