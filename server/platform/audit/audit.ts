import type { Kysely } from 'kysely';
import { newId, nowIso } from '../db/ids.ts';
import type { Database } from '../db/schema.ts';
import type { IdempotencyClaim } from '../idempotency/store.ts';

export interface AuditEntry {
  actorId: string | null;
  actorLogin: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  regionPath?: string | null;
  outcome?: 'ok' | 'denied' | 'failed';
  ip: string | null;
  /** Field names and non-personal values only. */
  detail?: Record<string, unknown>;
}

/** Who acted and from where; every service write takes one and hands it to `transact` and `writeAudit`. */
export interface CallContext {
  actorId: string | null;
  actorLogin: string | null;
  ip: string | null;
  /** The request's Idempotency-Key, claimed by the write's transaction. */
  idempotency?: IdempotencyClaim | null;
}

/**
 * Appends one audit record. Call it inside the transaction of the write it describes, so a write
 * and its audit record land or fail together. The API has no route that updates or deletes these.
 */
export async function writeAudit(q: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await q
    .insertInto('auditLog')
    .values({
      id: newId(),
      at: nowIso(),
      actorId: entry.actorId,
      actorLogin: entry.actorLogin,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      regionPath: entry.regionPath ?? null,
      outcome: entry.outcome ?? 'ok',
      ip: entry.ip,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .execute();
}

/** Shorthand for the common case: the caller did `action` on a record. */
export function auditWrite(
  q: Kysely<Database>,
  call: CallContext,
  action: string,
  entityType: string,
  entityId: string | null,
  regionPath: string | null,
  detail?: Record<string, unknown>,
): Promise<void> {
  const { actorId, actorLogin, ip } = call;
  return writeAudit(q, { actorId, actorLogin, ip, action, entityType, entityId, regionPath, ...(detail ? { detail } : {}) });
}
