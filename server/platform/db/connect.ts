import Sqlite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../../config.ts';
import type { DialectName } from './dialect.ts';
import type { Database } from './schema.ts';
import { GroupCommitDriver, GroupCommitSqliteDialect } from './sqlite-driver.ts';

export interface Db {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The SQLite file (or ':memory:'); null on PostgreSQL. */
  sqliteFile: string | null;
  /** The PostgreSQL URL (for LISTEN, which needs its own connection); null on SQLite. */
  postgresUrl: string | null;
  /** SQLite's writer, committing writes in groups (see sqlite-driver.ts); null on PostgreSQL. */
  groupCommit: GroupCommitDriver | null;
  /** Connection pool counts for metrics (PostgreSQL); SQLite has a writer and a reader. */
  poolStats(): { total: number; idle: number; waiting: number };
  /**
   * Runs a bulk load that can be redone from scratch (the demo data) without waiting for the disk
   * on every commit. SQLite only; elsewhere it just runs `fn`. Nothing else may write meanwhile.
   */
  withoutSync<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Opens SQLite with the durability settings of DESIGN.md §2; an acknowledged write survives a power
 * cut. `reader`: a connection that may only read (the server's second connection).
 */
export function openSqlite(file: string, options: { reader?: boolean } = {}): Sqlite.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Sqlite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Registry queries visit thousands of rows scattered over the file; the default 2 MB cache rereads them each time.
  sqlite.pragma('cache_size = -65536');
  if (options.reader) sqlite.pragma('query_only = ON');
  return sqlite;
}

export function connect(config: DatabaseConfig, options: { poolMax?: number } = {}): Db {
  const plugins = [new CamelCasePlugin()];
  if (config.kind === 'sqlite') {
    const sqlite = openSqlite(config.file);
    // An in-memory database cannot be shared between connections: there the writer also reads.
    const reader = config.file === ':memory:' ? null : openSqlite(config.file, { reader: true });
    const driver = new GroupCommitDriver(sqlite, reader);
    const db = new Kysely<Database>({ dialect: new GroupCommitSqliteDialect(driver), plugins });
    return {
      db,
      dialect: 'sqlite',
      sqliteFile: config.file,
      postgresUrl: null,
      groupCommit: driver,
      poolStats: () => ({ total: reader ? 2 : 1, idle: 0, waiting: 0 }),
      async withoutSync(fn) {
        await driver.flush();
        sqlite.pragma('synchronous = OFF');
        try {
          return await fn();
        } finally {
          await driver.flush();
          sqlite.pragma('synchronous = FULL');
          // What the load wrote reaches the disk before anything is acknowledged on top of it.
          sqlite.pragma('wal_checkpoint(FULL)');
        }
      },
      close: () => db.destroy(),
    };
  }
  const pool = new pg.Pool({ connectionString: config.url, max: options.poolMax ?? 10 });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
  return {
    db,
    dialect: 'postgres',
    sqliteFile: null,
    postgresUrl: config.url,
    groupCommit: null,
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    withoutSync: (fn) => fn(),
    close: () => db.destroy(),
  };
}
