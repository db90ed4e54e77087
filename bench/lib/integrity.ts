/**
 * What the crash test checks after a restart: every acknowledged unit is there, the database's
 * own integrity check passes (SQLite), and every unit has its audit record and vice versa (both:
 * a create and its audit record commit together or not at all).
 */
import { sql } from 'kysely';
import type { DatabaseConfig } from '../../server/config.ts';
import { connect } from '../../server/platform/db/connect.ts';

export interface InFlight {
  name: string;
  key: string;
}

export interface Findings {
  found: number;
  /** 'ok', or what failed. */
  integrity: string;
  units: number;
  /** In-flight when killed: committed with the idempotency record done / still in_flight, or not committed. */
  unacknowledged: { committedDone: number; committedInFlight: number; notCommitted: number };
}

const CHUNK = 500;

export async function inspect(
  config: DatabaseConfig,
  acknowledged: string[],
  inFlight: InFlight[],
  accountId: string,
): Promise<Findings> {
  const { db, close } = connect(config);
  try {
    let found = 0;
    for (let i = 0; i < acknowledged.length; i += CHUNK) {
      const ids = acknowledged.slice(i, i + CHUNK);
      const row = await db
        .selectFrom('units')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('id', 'in', ids)
        .executeTakeFirstOrThrow();
      found += Number(row.n);
    }
    const problems: string[] = [];
    if (config.kind === 'sqlite') {
      const check = await sql<{ integrityCheck: string }>`PRAGMA integrity_check`.execute(db);
      const verdict = check.rows.map((r) => Object.values(r)[0]).join('; ');
      if (verdict !== 'ok') problems.push(`integrity_check: ${verdict}`);
      const fk = await sql`PRAGMA foreign_key_check`.execute(db);
      if (fk.rows.length) problems.push(`foreign_key_check: ${fk.rows.length} rows`);
    }
    const orphanUnits = await sql<{ n: number | string }>`
      SELECT count(*) AS n FROM units u
      WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'unit.create' AND a.entity_id = u.id)`.execute(db);
    const orphanAudits = await sql<{ n: number | string }>`
      SELECT count(*) AS n FROM audit_log a
      WHERE a.action = 'unit.create' AND NOT EXISTS (SELECT 1 FROM units u WHERE u.id = a.entity_id)`.execute(db);
    if (Number(orphanUnits.rows[0]!.n)) problems.push(`${orphanUnits.rows[0]!.n} units without their audit record`);
    if (Number(orphanAudits.rows[0]!.n)) problems.push(`${orphanAudits.rows[0]!.n} unit.create audit records without their unit`);
    const units = Number(
      (
        await db
          .selectFrom('units')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

    const unacknowledged = { committedDone: 0, committedInFlight: 0, notCommitted: 0 };
    for (const r of inFlight) {
      const unit = await db.selectFrom('units').select('id').where('name', '=', r.name).executeTakeFirst();
      const claim = await db
        .selectFrom('idempotencyKeys')
        .select('state')
        .where('scope', '=', accountId)
        .where('key', '=', r.key)
        .executeTakeFirst();
      if (!unit) unacknowledged.notCommitted++;
      else if (claim?.state === 'done') unacknowledged.committedDone++;
      else unacknowledged.committedInFlight++;
    }
    return { found, integrity: problems.length ? problems.join('; ') : 'ok', units, unacknowledged };
  } finally {
    await close();
  }
}

/** How many units carry each name (the crash test's names are unique per request). */
export async function countByName(config: DatabaseConfig, names: string[]): Promise<Map<string, number>> {
  const { db, close } = connect(config);
  try {
    const rows = names.length ? await db.selectFrom('units').select('name').where('name', 'in', names).execute() : [];
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.name, (counts.get(r.name) ?? 0) + 1);
    return counts;
  } finally {
    await close();
  }
}
