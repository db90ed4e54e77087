import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams, Ok } from '../../platform/http/schemas.ts';
import { CreateUnitBody, UnitList, UnitOut, UnitQuery, UpdateUnitBody } from './units.schemas.ts';
import type { UnitsService } from './units.service.ts';

const tags = ['units'];

export const unitsRoutes: FastifyPluginAsyncTypebox<{ units: UnitsService }> = async (app, { units }) => {
  app.get('/units', {
    config: { access: 'units.read' },
    schema: { tags, querystring: UnitQuery, response: { 200: UnitList, ...errorResponses } },
    handler: async (req) => units.list(actorOf(req), req.query),
  });
  app.get('/units/:id', {
    config: { access: 'units.read' },
    schema: { tags, params: IdParams, response: { 200: UnitOut, ...errorResponses } },
    handler: async (req) => units.get(actorOf(req), req.params.id),
  });
  app.post('/units', {
    config: { access: 'units.write', idempotent: true },
    schema: { tags, body: CreateUnitBody, response: { 201: UnitOut, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await units.create(actorOf(req), callOf(req), req.body)),
  });
  app.patch('/units/:id', {
    config: { access: 'units.write' },
    schema: { tags, params: IdParams, body: UpdateUnitBody, response: { 200: UnitOut, ...errorResponses } },
    handler: async (req) => units.update(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.delete('/units/:id', {
    config: { access: 'units.write' },
    schema: { tags, params: IdParams, response: { 200: Ok, ...errorResponses } },
    handler: async (req) => {
      await units.remove(actorOf(req), callOf(req), req.params.id);
      return { ok: true as const };
    },
  });
};
