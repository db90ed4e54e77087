import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/context.ts';
import { errorResponses, Timestamp } from '../../platform/http/schemas.ts';
import { auditService } from './audit.service.ts';

const Entry = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorLogin: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.String(),
  ip: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
});

export const AuditQuery = Type.Object(
  {
    actor: Type.Optional(Type.String({ maxLength: 40 })),
    action: Type.Optional(Type.String({ maxLength: 60, pattern: '^[A-Za-z.]+$' })),
    entityType: Type.Optional(Type.String({ maxLength: 40, pattern: '^[A-Za-z_]+$' })),
    entityId: Type.Optional(Type.String({ maxLength: 40 })),
    outcome: Type.Optional(Type.Union([Type.Literal('ok'), Type.Literal('failed'), Type.Literal('denied')])),
    from: Type.Optional(Timestamp()),
    to: Type.Optional(Timestamp()),
    /** The id of the last entry seen: the next page is older than it. */
    cursor: Type.Optional(Type.String({ format: 'uuid' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

export const auditRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const audit = auditService(deps);
  app.get('/audit', {
    config: { access: 'audit.read' },
    schema: {
      tags: ['audit'],
      summary: 'Search the audit log, newest first (read-only: the API never changes it)',
      querystring: AuditQuery,
      response: {
        200: Type.Object({ items: Type.Array(Entry), nextCursor: Type.Union([Type.String(), Type.Null()]) }),
        ...errorResponses,
      },
    },
    handler: async (req) => audit.search(actorOf(req), req.query),
  });
};
