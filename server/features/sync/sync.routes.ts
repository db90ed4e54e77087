import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import { ConflictList, ConflictOut, ConflictQuery, ResolveBody } from './sync.schemas.ts';
import type { SyncService } from './sync.service.ts';

const tags = ['sync'];

/** Entries made offline and kept as conflicts: the desk's list and its resolution. */
export const syncRoutes: FastifyPluginAsyncTypebox<{ sync: SyncService }> = async (app, { sync }) => {
  app.get('/sync/conflicts', {
    config: { access: 'conflicts.review' },
    schema: {
      tags,
      summary: 'Offline entries kept as conflicts in the caller’s regions, open ones first',
      querystring: ConflictQuery,
      response: { 200: ConflictList, ...errorResponses },
    },
    handler: async (req) => sync.list(actorOf(req), req.lang, req.query),
  });
  app.post('/sync/conflicts/:id/resolve', {
    config: { access: 'conflicts.review', idempotent: true },
    schema: {
      tags,
      summary: 'Settle a conflict, saying what was done',
      params: IdParams,
      body: ResolveBody,
      response: { 200: ConflictOut, ...errorResponses },
    },
    handler: async (req) => sync.resolve(actorOf(req), callOf(req), req.lang, req.params.id, req.body),
  });
};
