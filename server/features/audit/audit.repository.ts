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

/**
 * An RFC 3339 timestamp as stored (UTC ISO text). The date-time format admits a leap second
 * (23:59:60), which `Date` cannot parse; like POSIX time it counts as the next second.
 */
function utcText(timestamp: string): string {
  const leap = /:60(?=(\.\d+)?(z|[+-]\d\d:\d\d)$)/i;
  if (!leap.test(timestamp)) return new Date(timestamp).toISOString();
  return new Date(new Date(timestamp.replace(leap, ':59')).getTime() + 1000).toISOString();
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
  if (f.from) query = query.where('at', '>=', utcText(f.from));
  if (f.to) query = query.where('at', '<', utcText(f.to));
  if (f.cursor) query = query.where('id', '<', f.cursor);
  return query.orderBy('id', 'desc').limit(f.limit).execute();
}
