/**
 * Group commit on SQLite (sqlite-driver.ts), on a real file: writes share commits, nothing is
 * acknowledged or readable before its group is on disk, and a failure loses only what it must.
 * SQLite only; the PostgreSQL project skips it.
 */
import Sqlite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testDatabaseName, testDbKind, TMP_DIR } from '../../../test/databases.ts';
import { connect, type Db } from './connect.ts';

let file: string;
let conn: Db;
let db: Kysely<never>;

beforeEach(async () => {
  mkdirSync(TMP_DIR, { recursive: true });
  file = resolve(TMP_DIR, `${testDatabaseName('gc')}.db`);
  conn = connect({ kind: 'sqlite', file });
  db = conn.db.withoutPlugins() as unknown as Kysely<never>;
  await sql`CREATE TABLE parent (id INTEGER PRIMARY KEY)`.execute(db);
  await sql`CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id))`.execute(db);
});
afterEach(async () => {
  await conn.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
});

const insert = (q: Kysely<never>, id: number) => sql`INSERT INTO parent (id) VALUES (${id})`.execute(q);
const count = async (q: Kysely<never>) =>
  Number((await sql<{ n: number }>`SELECT count(*) AS n FROM parent`.execute(q)).rows[0]!.n);
/** What another process would find in the file: only what is committed. */
function onDisk(): number {
  const other = new Sqlite(file, { readonly: true });
  try {
    return (other.prepare('SELECT count(*) AS n FROM parent').get() as { n: number }).n;
  } finally {
    other.close();
  }
}

describe.skipIf(testDbKind() !== 'sqlite')('SQLite group commit', () => {
  it('commits writes arriving together in one group, each answered once it is on disk', async () => {
    const before = { ...conn.groupCommit!.stats };
    const done = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db
          .transaction()
          .execute((trx) => insert(trx, i + 1))
          .then(() => onDisk()),
      ),
    );
    // Every write, when its caller heard back, was already readable from another connection.
    expect(done.every((n) => n >= 1)).toBe(true);
    expect(onDisk()).toBe(20);
    const stats = conn.groupCommit!.stats;
    expect(stats.writes - before.writes).toBe(20);
    expect(stats.commits - before.commits).toBeLessThanOrEqual(2);
  });

  it('keeps a write unanswered and unread until its group commits', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let inside = false;
    let firstAnswered = false;
    const first = db
      .transaction()
      .execute((trx) => insert(trx, 1))
      .then(() => (firstAnswered = true));
    // The second holds the writer, so the group (with the first, finished) cannot commit yet.
    const second = db.transaction().execute(async (trx) => {
      await insert(trx, 2);
      inside = true;
      await gate;
    });
    await vi.waitFor(() => expect(inside).toBe(true));
    expect(firstAnswered).toBe(false);
    expect(await count(db)).toBe(0);
    expect(onDisk()).toBe(0);
    release();
    await Promise.all([first, second]);
    expect(await count(db)).toBe(2);
    expect(onDisk()).toBe(2);
  });

  it('rolls back a failed transaction alone; the rest of its group commits', async () => {
    const results = await Promise.allSettled([
      db.transaction().execute((trx) => insert(trx, 1)),
      db.transaction().execute(async (trx) => {
        await insert(trx, 2);
        throw new Error('refused');
      }),
      db.transaction().execute((trx) => insert(trx, 3)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const ids = await sql<{ id: number }>`SELECT id FROM parent ORDER BY id`.execute(db);
    expect(ids.rows.map((r) => r.id)).toEqual([1, 3]);
  });

  it('fails every write of a group whose commit fails, keeps none of them, and goes on', async () => {
    // A deferred foreign-key violation is only found at COMMIT: the whole group must fail.
    const results = await Promise.allSettled([
      db.transaction().execute(async (trx) => {
        await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
        await sql`INSERT INTO child (id, parent_id) VALUES (1, 999)`.execute(trx);
      }),
      db.transaction().execute((trx) => insert(trx, 1)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(await count(db)).toBe(0);
    expect(onDisk()).toBe(0);
    await db.transaction().execute((trx) => insert(trx, 2));
    expect(onDisk()).toBe(1);
  });

  it('answers a write outside a transaction once it is on disk, and reads it back at once', async () => {
    await insert(db, 7);
    expect(onDisk()).toBe(1);
    expect(await count(db)).toBe(1);
  });
});
