/**
 * The bare side of the query benchmarks: the statements a repository function sends, captured as
 * Kysely compiles them, then run straight on the SQLite file with better-sqlite3.
 */
import { CamelCasePlugin, Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { openSqlite } from '../../server/platform/db/connect.ts';
import type { Database } from '../../server/platform/db/schema.ts';
import type { Side } from './load.ts';

/** What `run` sends to the database, in order. */
export async function captureSqlite(file: string, run: (db: Kysely<Database>) => Promise<unknown>): Promise<CompiledQuery[]> {
  const captured: CompiledQuery[] = [];
  const sqlite = openSqlite(file);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  try {
    await run(db);
  } finally {
    await db.destroy();
  }
  return captured;
}

/** The captured statements run directly on the file, one query at a time. */
export function directQuery(
  file: string,
  statements: CompiledQuery[],
  label = 'direct SQL (better-sqlite3)',
): Side & { close(): void } {
  const sqlite = openSqlite(file);
  const prepared = statements.map((q) => ({ statement: sqlite.prepare(q.sql), parameters: q.parameters as unknown[] }));
  return {
    label,
    async run(seconds, latencies) {
      let ok = 0;
      const started = performance.now();
      const end = started + seconds * 1000;
      while (performance.now() < end) {
        const t = performance.now();
        for (const p of prepared) {
          if (p.statement.reader) p.statement.all(...p.parameters);
          else p.statement.run(...p.parameters);
        }
        latencies?.push(performance.now() - t);
        ok++;
        // Let timers and I/O run between queries, as the server's event loop does.
        if (ok % 20 === 0) await new Promise((r) => setImmediate(r));
      }
      return { ok, failed: 0, seconds: (performance.now() - started) / 1000 };
    },
    close: () => sqlite.close(),
  };
}
