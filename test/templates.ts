import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { connect } from '../server/platform/db/connect.ts';
import { migrateToLatest } from '../server/platform/db/migrate.ts';
import { pgAdmin, pgUrlFor, TMP_DIR } from './databases.ts';

const runId = Date.now().toString(36);
/** Databases of runs that died more than this long ago are removed. */
const LEFTOVER_MS = 3 * 3600_000;

/** Migrates this run's SQLite template; every test file copies it. Returns the teardown. */
export async function prepareSqliteTemplate(project: TestProject): Promise<() => void> {
  mkdirSync(TMP_DIR, { recursive: true });
  const file = resolve(TMP_DIR, `template-${runId}-${process.pid}.db`);
  const db = connect({ kind: 'sqlite', file });
  await migrateToLatest(db);
  await db.close();
  project.provide('sqliteTemplate', file);
  return () => ['', '-wal', '-shm', '.migrate-lock'].forEach((s) => rmSync(file + s, { force: true }));
}

/** Migrates this run's PostgreSQL template, after dropping what long-dead runs left. */
export async function preparePostgresTemplate(project: TestProject): Promise<() => Promise<void>> {
  const template = `redvest_t_${runId}_template`;
  await pgAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'redvest\\_t\\_%'`);
    for (const { datname } of rows) {
      const born = parseInt(datname.split('_')[2] ?? '', 36);
      if (Number.isFinite(born) && Date.now() - born > LEFTOVER_MS)
        await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
    await c.query(`CREATE DATABASE ${template}`);
  });
  const db = connect({ kind: 'postgres', url: pgUrlFor(template) });
  await migrateToLatest(db);
  await db.close();
  project.provide('pgTemplate', template);
  return async () => {
    await pgAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`));
  };
}
