import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams, Ok } from '../../platform/http/schemas.ts';
import {
  CreateInspectionGroupBody,
  InspectionGroupList,
  InspectionGroupOut,
  InspectionGroupQuery,
  UpdateInspectionGroupBody,
} from './inspection-groups.schemas.ts';
import type { InspectionGroupsService } from './inspection-groups.service.ts';

const tags = ['inspections'];

export const inspectionGroupsRoutes: FastifyPluginAsyncTypebox<{ groups: InspectionGroupsService }> = async (app, { groups }) => {
  app.get('/inspection-groups', {
    config: { access: 'inspections.read' },
    schema: { tags, querystring: InspectionGroupQuery, response: { 200: InspectionGroupList, ...errorResponses } },
    handler: async (req) => groups.list(actorOf(req), req.query),
  });
  app.post('/inspection-groups', {
    config: { access: 'inspections.groups', idempotent: true },
    schema: { tags, body: CreateInspectionGroupBody, response: { 201: InspectionGroupOut, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await groups.create(actorOf(req), callOf(req), req.body)),
  });
  app.get('/inspection-groups/:id', {
    config: { access: 'inspections.read' },
    schema: { tags, params: IdParams, response: { 200: InspectionGroupOut, ...errorResponses } },
    handler: async (req) => groups.get(actorOf(req), req.params.id),
  });
  app.patch('/inspection-groups/:id', {
    config: { access: 'inspections.groups' },
    schema: {
      tags,
      params: IdParams,
      body: UpdateInspectionGroupBody,
      response: { 200: InspectionGroupOut, ...errorResponses },
    },
    handler: async (req) => groups.update(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.delete('/inspection-groups/:id', {
    config: { access: 'inspections.groups' },
    schema: { tags, params: IdParams, response: { 200: Ok, ...errorResponses } },
    handler: async (req) => {
      await groups.remove(actorOf(req), callOf(req), req.params.id);
      return { ok: true as const };
    },
  });
};
