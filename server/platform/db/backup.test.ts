import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { pgAdmin, pgUrlFor, testDatabaseName, TMP_DIR } from '../../../test/databases.ts';
import type { DatabaseConfig } from '../../config.ts';
import { backupDatabase, restoreDatabase, tableFingerprints } from './backup.ts';
import { connect } from './connect.ts';

let t: TestApp;
const cleanup: (() => Promise<void>)[] = [];

beforeAll(async () => {
  t = await createTestApp();
  // Some of everything: regions, units, accounts with grants, audit records.
  const admin = await t.factory.account({ login: 'bk-admin', grants: [{ role: 'admin', regionId: null }] });
  const client = await t.signIn('bk-admin');
  const { county, community } = await t.factory.chain();
  for (const name of ['市卫健委', '市教育局', '县公安局'])
    await client.post('/api/v1/units', { name, kind: 'city_unit', regionId: county.id });
  await t.factory.account({ login: 'bk-manager', grants: [{ role: 'region_manager', regionId: community.id }] });
  expect(admin.id).toBeTruthy();
});
afterAll(async () => {
  await t.close();
  for (const c of cleanup) await c();
});

describe('backup and restore', () => {
  it('round-trips every table: same row counts and checksums', async () => {
    const { db, dialect } = t.deps.db;
    const before = await tableFingerprints(db, dialect);
    expect(before.units?.rows).toBe(3);
    expect(before.audit_log?.rows).toBeGreaterThan(3);

    const name = testDatabaseName('bk');
    const file = resolve(TMP_DIR, `${name}.${dialect === 'sqlite' ? 'db' : 'dump'}`);
    cleanup.push(async () => rmSync(file, { force: true }));
    const source: DatabaseConfig =
      dialect === 'sqlite' ? { kind: 'sqlite', file: t.deps.db.sqliteFile! } : { kind: 'postgres', url: t.deps.db.postgresUrl! };
    await backupDatabase(source, file);

    // Restore into another, empty database and compare.
    let target: DatabaseConfig;
    if (dialect === 'sqlite') {
      const restored = resolve(TMP_DIR, `${name}-restored.db`);
      cleanup.push(async () => ['', '-wal', '-shm'].forEach((s) => rmSync(restored + s, { force: true })));
      target = { kind: 'sqlite', file: restored };
    } else {
      const restored = `${name}r`;
      await pgAdmin((c) => c.query(`CREATE DATABASE ${restored}`));
      cleanup.push(() => pgAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${restored} WITH (FORCE)`)).then(() => undefined));
      target = { kind: 'postgres', url: pgUrlFor(restored) };
    }
    await restoreDatabase(target, file);
    const copy = connect(target);
    try {
      expect(await tableFingerprints(copy.db, dialect)).toEqual(before);
    } finally {
      await copy.close();
    }
  });

  it('refuses to restore a file that is not a backup, touching nothing', async () => {
    const bogus = resolve(TMP_DIR, `bogus-${randomBytes(3).toString('hex')}.db`);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bogus, 'not a database');
    cleanup.push(async () => rmSync(bogus, { force: true }));
    const { db, dialect, sqliteFile, postgresUrl } = t.deps.db;
    const before = await tableFingerprints(db, dialect);
    const current: DatabaseConfig = sqliteFile ? { kind: 'sqlite', file: sqliteFile } : { kind: 'postgres', url: postgresUrl! };
    await expect(restoreDatabase(current, bogus)).rejects.toThrow();
    expect(await tableFingerprints(db, dialect)).toEqual(before);
  });
});
