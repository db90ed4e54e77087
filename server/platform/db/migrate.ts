import Sqlite from 'better-sqlite3';
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import * as foundation from '../../migrations/2026-11-29-01-foundation.ts';
import * as scaleOut from '../../migrations/2026-11-29-02-scale-out.ts';
import * as volunteers from '../../migrations/2026-11-29-03-volunteers.ts';
import * as duty from '../../migrations/2026-12-01-04-duty.ts';
import * as inspections from '../../migrations/2026-12-01-05-inspections.ts';
import * as householdsQuarantine from '../../migrations/2026-12-01-06-households-quarantine.ts';
import * as quarantineRetention from '../../migrations/2026-12-02-07-quarantine-retention.ts';
import * as disinfectionPublicitySupplies from '../../migrations/2026-12-02-08-disinfection-publicity-supplies.ts';
import * as errands from '../../migrations/2026-12-03-09-errands.ts';
import * as dashboard from '../../migrations/2026-12-04-10-dashboard.ts';
import * as errandPaidMethod from '../../migrations/2026-12-04-11-errand-paid-method.ts';
import * as dailyReports from '../../migrations/2026-12-04-12-daily-reports.ts';
import * as recognition from '../../migrations/2026-12-05-13-recognition.ts';
import * as offlineEntries from '../../migrations/2026-12-06-14-offline-entries.ts';
import type { Db } from './connect.ts';

/**
 * Migrations are listed here rather than read from the folder, so they bundle and cannot be
 * skipped by a missing file. Names are date-prefixed and never change once released.
 */
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-29-01-foundation': foundation,
  '2026-11-29-02-scale-out': scaleOut,
  '2026-11-29-03-volunteers': volunteers,
  '2026-12-01-04-duty': duty,
  '2026-12-01-05-inspections': inspections,
  '2026-12-01-06-households-quarantine': householdsQuarantine,
  '2026-12-02-07-quarantine-retention': quarantineRetention,
  '2026-12-02-08-disinfection-publicity-supplies': disinfectionPublicitySupplies,
  '2026-12-03-09-errands': errands,
  '2026-12-04-10-dashboard': dashboard,
  '2026-12-04-11-errand-paid-method': errandPaidMethod,
  '2026-12-04-12-daily-reports': dailyReports,
  '2026-12-05-13-recognition': recognition,
  '2026-12-06-14-offline-entries': offlineEntries,
};

class ListedMigrations implements MigrationProvider {
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(MIGRATIONS);
  }
}

/**
 * Kysely's SQLite adapter takes no migration lock (it assumes one connection), so processes
 * starting together on one file would both migrate. An exclusive transaction on a small lock file
 * beside the database serialises them; it is polled, never blocking the event loop.
 */
async function withSqliteLock<T>(file: string, fn: () => Promise<T>): Promise<T> {
  if (file === ':memory:') return fn();
  const lock = new Sqlite(`${file}.migrate-lock`);
  lock.pragma('busy_timeout = 0');
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      try {
        lock.exec('BEGIN EXCLUSIVE');
        break;
      } catch (e) {
        if ((e as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw e;
        await new Promise((r) => setTimeout(r, 25));
      }
    }
    try {
      return await fn();
    } finally {
      lock.exec('COMMIT');
    }
  } finally {
    lock.close();
  }
}

/** Brings the schema up to date; safe with several instances starting at once on either database. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  // Migrations name columns in snake_case themselves (they are frozen), so no CamelCasePlugin.
  const migrator = new Migrator({ db: db.db.withoutPlugins(), provider: new ListedMigrations() });
  const run = async () => {
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  };
  return db.sqliteFile ? withSqliteLock(db.sqliteFile, run) : run();
}
