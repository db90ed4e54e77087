import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { startsWith } from '../db/dialect.ts';
import type { Scope } from './actor.ts';

/**
 * The one region-scope filter (DESIGN.md §4.3): a record is in scope when its region's
 * materialised path starts with one of the scope's paths. `pathColumn` names the column holding
 * that path in the query (e.g. `regions.path`).
 */
export function inRegionScope<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  scope: Scope,
  pathColumn: string,
): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  if (scope.paths.length === 0) return sql<SqlBool>`1 = 0`;
  return eb.or(scope.paths.map((p) => startsWith(pathColumn, p)));
}
