import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams, Ok } from '../../platform/http/schemas.ts';
import type { RegionsService } from './regions.service.ts';
import { CreateRegionBody, MoveRegionBody, RegionDetail, RegionOut, TreeOut, UpdateRegionBody } from './regions.schemas.ts';

const tags = ['regions'];

export const regionsRoutes: FastifyPluginAsyncTypebox<{ regions: RegionsService }> = async (app, { regions }) => {
  app.get('/regions/tree', {
    config: { access: 'regions.read' },
    schema: { tags, summary: 'The region tree visible to the caller', response: { 200: TreeOut, ...errorResponses } },
    handler: async (req) => ({ items: await regions.tree(actorOf(req)) }),
  });

  app.get('/regions/:id', {
    config: { access: 'regions.read' },
    schema: { tags, params: IdParams, response: { 200: RegionDetail, ...errorResponses } },
    handler: async (req) => regions.get(actorOf(req), req.params.id),
  });

  app.post('/regions', {
    config: { access: 'regions.write', idempotent: true },
    schema: { tags, body: CreateRegionBody, response: { 201: RegionOut, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await regions.create(actorOf(req), callOf(req), req.body)),
  });

  app.patch('/regions/:id', {
    config: { access: 'regions.write' },
    schema: { tags, params: IdParams, body: UpdateRegionBody, response: { 200: RegionOut, ...errorResponses } },
    handler: async (req) => regions.update(actorOf(req), callOf(req), req.params.id, req.body),
  });

  app.post('/regions/:id/move', {
    config: { access: 'regions.write' },
    schema: { tags, params: IdParams, body: MoveRegionBody, response: { 200: RegionOut, ...errorResponses } },
    handler: async (req) => regions.move(actorOf(req), callOf(req), req.params.id, req.body.parentId),
  });

  app.delete('/regions/:id', {
    config: { access: 'regions.write' },
    schema: { tags, params: IdParams, response: { 200: Ok, ...errorResponses } },
    handler: async (req) => {
      await regions.remove(actorOf(req), callOf(req), req.params.id);
      return { ok: true as const };
    },
  });
};
