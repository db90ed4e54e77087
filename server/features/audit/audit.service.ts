import type { Static } from 'typebox';
import { requireScope, type Actor } from '../../platform/access/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import type { AuditQuery } from './audit.routes.ts';
import { searchAudit } from './audit.repository.ts';

export function auditService({ db: { db } }: Deps) {
  return {
    async search(actor: Actor, query: Static<typeof AuditQuery>) {
      const scope = requireScope(actor, 'audit.read');
      const limit = query.limit ?? 50;
      const rows = await searchAudit(db, scope, { ...query, limit: limit + 1 });
      const page = rows.slice(0, limit);
      return {
        items: page.map((r) => ({ ...r, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null })),
        nextCursor: rows.length > limit ? page[page.length - 1]!.id : null,
      };
    },
  };
}
