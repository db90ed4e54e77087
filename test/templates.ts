import { mkdirSync, rmSync } from 'node:fs';
import { connect } from '../server/platform/db/connect.ts';
import { migrateToLatest } from '../server/platform/db/migrate.ts';
import { PG_TEMPLATE, pgAdmin, pgUrlFor, SQLITE_TEMPLATE, TMP_DIR } from './databases.ts';

/** Migrates the SQLite template once per run; every test file copies it. */
export async function prepareSqliteTemplate(): Promise<void> {
  mkdirSync(TMP_DIR, { recursive: true });
  for (const s of ['', '-wal', '-shm']) rmSync(SQLITE_TEMPLATE + s, { force: true });
  const db = connect({ kind: 'sqlite', file: SQLITE_TEMPLATE });
  await migrateToLatest(db);
  await db.close();
}

/** Migrates the PostgreSQL template once per run, after dropping what an interrupted run left. */
export async function preparePostgresTemplate(): Promise<void> {
  await pgAdmin(async (c) => {
    // Leftovers of an interrupted run: test databases and the template.
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'redvest\\_t\\_%'`);
    for (const r of rows) await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
    await c.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${PG_TEMPLATE}`);
  });
  const db = connect({ kind: 'postgres', url: pgUrlFor(PG_TEMPLATE) });
  await migrateToLatest(db);
  await db.close();
}
