import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Kysely } from 'kysely';
import * as foundation from '../../migrations/2026-11-29-01-foundation.ts';

/**
 * Migrations are listed here rather than read from the folder, so they bundle and cannot be
 * skipped by a missing file. Names are date-prefixed and never change once released.
 */
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-29-01-foundation': foundation,
};

class ListedMigrations implements MigrationProvider {
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(MIGRATIONS);
  }
}

/** Brings the schema up to date. Kysely's migrator holds a lock, so several instances may start at once. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new ListedMigrations() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
