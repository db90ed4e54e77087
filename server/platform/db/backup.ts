/**
 * Backup and restore (issue 3). SQLite: the online backup API copies a consistent snapshot while
 * the server keeps running. PostgreSQL: pg_dump's custom format and pg_restore, when installed.
 */
import Sqlite from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { sql, type Kysely } from 'kysely';
import type { DatabaseConfig } from '../../config.ts';

const run = promisify(execFile);

export async function backupDatabase(config: DatabaseConfig, target: string): Promise<void> {
  mkdirSync(dirname(target), { recursive: true });
  if (config.kind === 'sqlite') {
    if (!existsSync(config.file)) throw new Error(`no database at ${config.file}`);
    const source = new Sqlite(config.file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(target);
    } finally {
      source.close();
    }
    return;
  }
  await requireTool('pg_dump');
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${target}`, config.url]);
}

/**
 * Replaces the database's contents with the backup's. For SQLite the server must be stopped
 * (the file is swapped); the backup is integrity-checked before anything is touched.
 */
export async function restoreDatabase(config: DatabaseConfig, source: string): Promise<void> {
  if (!existsSync(source)) throw new Error(`no backup at ${source}`);
  if (config.kind === 'sqlite') {
    const check = new Sqlite(source, { readonly: true, fileMustExist: true });
    try {
      const result = check.pragma('integrity_check', { simple: true });
      if (result !== 'ok') throw new Error(`backup fails the integrity check: ${String(result)}`);
    } finally {
      check.close();
    }
    mkdirSync(dirname(config.file), { recursive: true });
    for (const suffix of ['-wal', '-shm']) rmSync(config.file + suffix, { force: true });
    copyFileSync(source, config.file);
    return;
  }
  await requireTool('pg_restore');
  await run('pg_restore', [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--no-privileges',
    '--single-transaction',
    `--dbname=${config.url}`,
    source,
  ]);
}

async function requireTool(tool: string): Promise<void> {
  try {
    await run(tool, ['--version']);
  } catch {
    throw new Error(`${tool} is not installed; install the PostgreSQL client tools (Debian: postgresql-client)`);
  }
}

/**
 * Row count and a content checksum per table, to prove a backup round trip lost nothing. Rows are
 * read in primary-key order and hashed as JSON, so both databases give comparable answers.
 */
export async function tableFingerprints<DB>(
  db: Kysely<DB>,
  dialect: 'sqlite' | 'postgres',
): Promise<Record<string, { rows: number; sha256: string }>> {
  const tables =
    dialect === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(db)
        ).rows.map((r) => r.name)
      : (
          await sql<{
            name: string;
          }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`.execute(db)
        ).rows.map((r) => r.name);
  const out: Record<string, { rows: number; sha256: string }> = {};
  for (const table of tables) {
    const rows = (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} ORDER BY 1, 2`.execute(db)).rows;
    const hash = createHash('sha256');
    for (const row of rows) hash.update(JSON.stringify(Object.values(row).map((v) => (v === null ? null : String(v)))) + '\n');
    out[table] = { rows: rows.length, sha256: hash.digest('hex') };
  }
  return out;
}
