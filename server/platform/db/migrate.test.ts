import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { pgAdmin, pgUrlFor, testDatabaseName, testDbKind, TMP_DIR } from '../../../test/databases.ts';
import type { DatabaseConfig } from '../../config.ts';
import { connect } from './connect.ts';
import { migrateToLatest } from './migrate.ts';

/** An empty database (not the migrated template), so the migrations themselves are exercised. */
async function emptyDatabase(): Promise<{ config: DatabaseConfig; drop: () => Promise<void> }> {
  const name = testDatabaseName('m');
  if (testDbKind() === 'sqlite') {
    const file = resolve(TMP_DIR, `${name}.db`);
    return {
      config: { kind: 'sqlite', file },
      drop: async () => ['', '-wal', '-shm'].forEach((s) => rmSync(file + s, { force: true })),
    };
  }
  await pgAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  return {
    config: { kind: 'postgres', url: pgUrlFor(name) },
    drop: () => pgAdmin((c) => c.query(`DROP DATABASE ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const d of drops) await d();
});

describe('migrations', () => {
  it('run once when three instances start on one empty database at the same moment', async () => {
    const { config, drop } = await emptyDatabase();
    drops.push(drop);
    const instances = [connect(config), connect(config), connect(config)];
    try {
      const results = await Promise.all(instances.map((i) => migrateToLatest(i)));
      // Exactly one instance applied each migration; the others found the schema current.
      expect(results.flat().sort()).toEqual(
        results
          .find((r) => r.length > 0)!
          .slice()
          .sort(),
      );
      const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(instances[0]!.db);
      expect(rows.length).toBe(results.flat().length);
      // The schema is usable: a write goes through every instance.
      await sql`INSERT INTO settings (key, value, updated_at) VALUES ('probe', 'x', '2026-01-01T00:00:00.000Z')`.execute(
        instances[1]!.db,
      );
      const probe = await sql<{ value: string }>`SELECT value FROM settings WHERE key = 'probe'`.execute(instances[2]!.db);
      expect(probe.rows[0]?.value).toBe('x');
    } finally {
      await Promise.all(instances.map((i) => i.close()));
    }
  });

  it('report nothing to do on an up-to-date database', async () => {
    const { config, drop } = await emptyDatabase();
    drops.push(drop);
    const db = connect(config);
    try {
      expect((await migrateToLatest(db)).length).toBeGreaterThan(0);
      expect(await migrateToLatest(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
