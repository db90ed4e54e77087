import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireScope } from '../access/actor.ts';
import type { Db } from '../db/connect.ts';
import { actorOf } from '../http/context.ts';
import { errorResponses } from '../http/schemas.ts';
import { recentRuns } from './job-runs.repository.ts';

const Run = Type.Object({
  job: Type.String(),
  slot: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  instance: Type.String(),
  startedAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
});

/** Scheduled job runs, newest first, so administrators see failures. */
export const jobsRoutes: FastifyPluginAsyncTypebox<{ db: Db }> = async (app, { db }) => {
  app.get('/jobs', {
    config: { access: 'jobs.read' },
    schema: {
      tags: ['jobs'],
      querystring: Type.Object(
        {
          job: Type.Optional(Type.String({ maxLength: 60, pattern: '^[a-z0-9-]+$' })),
          status: Type.Optional(Type.Enum(['running', 'ok', 'failed'])),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
        },
        { additionalProperties: false },
      ),
      response: { 200: Type.Object({ items: Type.Array(Run) }), ...errorResponses },
    },
    handler: async (req) => {
      requireScope(actorOf(req), 'jobs.read');
      const items = await recentRuns(db.db, { ...req.query, limit: req.query.limit ?? 100 });
      return { items: items.map((r) => ({ ...r, attempts: Number(r.attempts) })) };
    },
  });
};
