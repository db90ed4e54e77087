/**
 * Test databases: one migrated template per run, then a fresh copy per test file (a copied file
 * on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL), as DESIGN.md §4.6 says.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { DatabaseConfig } from '../server/config.ts';

export const TMP_DIR = resolve(import.meta.dirname, '.tmp');

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's migrated templates, named per run so concurrent runs never touch each other's. */
    sqliteTemplate: string;
    pgTemplate: string;
  }
}

export type TestDbKind = 'sqlite' | 'postgres';

export function testDbKind(): TestDbKind {
  return process.env.REDVEST_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
}

export function pgAdminUrl(): string {
  const url = process.env.REDVEST_TEST_PG_URL;
  if (!url) throw new Error('REDVEST_TEST_PG_URL is not set');
  return url;
}

export function pgUrlFor(database: string): string {
  const u = new URL(pgAdminUrl());
  u.pathname = `/${database}`;
  return u.toString();
}

export async function pgAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: pgAdminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** `redvest_t_<born, base 36>_<tag><random>`: the birth time lets a later run clear leftovers safely. */
export function testDatabaseName(tag: string): string {
  return `redvest_t_${Date.now().toString(36)}_${tag}${randomBytes(4).toString('hex')}`;
}

/** A fresh database copied from the migrated template; `drop` removes it. */
export async function freshDatabase(): Promise<{ config: DatabaseConfig; drop: () => Promise<void> }> {
  const name = testDatabaseName('f');
  if (testDbKind() === 'sqlite') {
    mkdirSync(TMP_DIR, { recursive: true });
    const file = resolve(TMP_DIR, `${name}.db`);
    copyFileSync(inject('sqliteTemplate'), file);
    const { rmSync } = await import('node:fs');
    return {
      config: { kind: 'sqlite', file },
      drop: async () => ['', '-wal', '-shm'].forEach((s) => rmSync(file + s, { force: true })),
    };
  }
  const db = name;
  await pgAdmin((c) => c.query(`CREATE DATABASE ${db} TEMPLATE ${inject('pgTemplate')}`));
  return {
    config: { kind: 'postgres', url: pgUrlFor(db) },
    drop: () => pgAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`)).then(() => undefined),
  };
}
