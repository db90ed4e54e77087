/**
 * Assertions and database probes shared by the API tests: the error body shape, audit entries,
 * session rows, and a snapshot of every table to prove a refused request wrote nothing.
 */
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { tokenHash } from '../server/platform/auth/tokens.ts';
import type { Deps } from '../server/platform/deps.ts';
import type { AuditLogTable } from '../server/platform/db/schema.ts';

export const API = '/api/v1';

export interface ErrorBody {
  code: string;
  message: string;
  fields?: Record<string, string>;
}

/** Asserts `{ error: { code, message } }` with this status (and code, when given); returns the error. */
export function expectError(res: LightMyRequestResponse, status: number, code?: string): ErrorBody {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json() as { error: ErrorBody };
  expect(body.error, res.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  expect(body.error.message.length).toBeGreaterThan(0);
  if (code) expect(body.error.code, res.body).toBe(code);
  return body.error;
}

/** Audit rows, oldest first, matching every given column. */
export async function auditRows(
  deps: Deps,
  where: Partial<Pick<AuditLogTable, 'action' | 'entityId' | 'actorLogin' | 'outcome'>>,
): Promise<AuditLogTable[]> {
  let q = deps.db.db.selectFrom('auditLog').selectAll();
  for (const [column, value] of Object.entries(where)) {
    if (value !== undefined) q = q.where(column as 'action', '=', value as string);
  }
  return q.orderBy('id').execute();
}

/** The `sessions.id` behind a cookie token. */
export const sessionIdOf = (token: string | undefined): string => tokenHash(token ?? '');

export async function sessionRow(deps: Deps, token: string | undefined) {
  return deps.db.db.selectFrom('sessions').selectAll().where('id', '=', sessionIdOf(token)).executeTakeFirst();
}

/** The application's tables (migration bookkeeping excluded), read from the database itself. */
export async function tableNames(deps: Deps): Promise<string[]> {
  const q = deps.db.db.withoutPlugins();
  const { rows } =
    deps.db.dialect === 'sqlite'
      ? await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(q)
      : await sql<{
          name: string;
        }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(
          q,
        );
  return rows
    .map((r) => r.name)
    .filter((n) => !n.startsWith('kysely_'))
    .sort();
}

export type Snapshot = Record<string, string>;
const CHANGED = ['regions', 'units', 'accounts', 'settings'] as const;
const tableCache = new WeakMap<Deps, Promise<string[]>>();

/** Every table's row count, and the latest change of the updatable ones, in one round trip. */
export async function snapshot(deps: Deps): Promise<Snapshot> {
  if (!tableCache.has(deps)) tableCache.set(deps, tableNames(deps));
  const tables = await tableCache.get(deps)!;
  // On SQLite, writes still waiting for their group commit belong to what came before.
  await deps.db.groupCommit?.flush();
  const counts = tables.map((t) => sql`(SELECT COUNT(*) FROM ${sql.table(t)}) AS ${sql.ref(t)}`);
  const changed = CHANGED.map((t) => sql`(SELECT MAX(updated_at) FROM ${sql.table(t)}) AS ${sql.ref(`${t}_changed`)}`);
  const { rows } = await sql<Record<string, unknown>>`SELECT ${sql.join([...counts, ...changed])}`.execute(
    deps.db.db.withoutPlugins(),
  );
  return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, String(v)]));
}

/** The entries of `after` that differ from `before`, ignoring the given tables. */
export function snapshotChanges(
  before: Snapshot,
  after: Snapshot,
  ignore: readonly string[] = [],
): Record<string, [string, string]> {
  const out: Record<string, [string, string]> = {};
  for (const key of Object.keys(before)) {
    if (ignore.some((t) => key === t || key === `${t}_changed`)) continue;
    if (before[key] !== after[key]) out[key] = [before[key]!, after[key]!];
  }
  return out;
}
