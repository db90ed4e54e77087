import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../db/dialect.ts';
import { nowIso } from '../db/ids.ts';
import type { Database } from '../db/schema.ts';

export interface StoredEvent {
  id: number;
  at: string;
  type: string;
  permission: string;
  regionPath: string | null;
  reachBelow: number;
  entityType: string | null;
  entityId: string | null;
  data: string | null;
}

export const NOTIFY_CHANNEL = 'redvest_events';

export interface NewEvent {
  type: string;
  permission: string;
  regionPath: string | null;
  /** Also for holders of the permission below `regionPath`: see `EventTable.reachBelow`. */
  reachBelow?: boolean;
  entityType?: string | null;
  entityId?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Appends an event inside the caller's transaction, so it exists exactly when the write does.
 * On PostgreSQL, an advisory lock held to commit makes ids commit in order (a reader resuming
 * after id N can never later see an N-1 appear), and NOTIFY — sent at commit — wakes every
 * instance with only the id.
 */
export async function insertEvent(q: Kysely<Database>, dialect: DialectName, e: NewEvent): Promise<number> {
  if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(7305111)`.execute(q);
  const row = await q
    .insertInto('events')
    .values({
      at: nowIso(),
      type: e.type,
      permission: e.permission,
      regionPath: e.regionPath,
      reachBelow: e.reachBelow ? 1 : 0,
      entityType: e.entityType ?? null,
      entityId: e.entityId ?? null,
      data: e.data ? JSON.stringify(e.data) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  if (dialect === 'postgres') await sql`SELECT pg_notify(${NOTIFY_CHANNEL}, ${String(id)})`.execute(q);
  return id;
}

export async function eventsAfter(q: Kysely<Database>, afterId: number, limit: number): Promise<StoredEvent[]> {
  const rows = await q.selectFrom('events').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export async function lastEventId(q: Kysely<Database>): Promise<number> {
  const row = await q
    .selectFrom('events')
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}
