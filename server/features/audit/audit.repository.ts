import type { Kysely } from 'kysely';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import type { Database } from '../../platform/db/schema.ts';

export interface AuditFilter {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  outcome?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

/** Newest first by id (UUIDv7 ids are time-ordered), keyset-paged by the last id seen. */
export async function searchAudit(q: Kysely<Database>, scope: Scope, f: AuditFilter) {
  let query = q
    .selectFrom('auditLog')
    .select(['id', 'at', 'actorId', 'actorLogin', 'action', 'entityType', 'entityId', 'outcome', 'ip', 'detail']);
  if (!scope.all) query = query.where((eb) => inRegionScope(eb, scope, 'auditLog.regionPath'));
  if (f.actor) query = query.where('actorLogin', '=', f.actor);
  if (f.action) query = query.where('action', '=', f.action);
  if (f.entityType) query = query.where('entityType', '=', f.entityType);
  if (f.entityId) query = query.where('entityId', '=', f.entityId);
  if (f.outcome) query = query.where('outcome', '=', f.outcome);
  if (f.from) query = query.where('at', '>=', new Date(f.from).toISOString());
  if (f.to) query = query.where('at', '<', new Date(f.to).toISOString());
  if (f.cursor) query = query.where('id', '<', f.cursor);
  return query.orderBy('id', 'desc').limit(f.limit).execute();
}
