import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import {
  CaseServiceList,
  CaseServiceLogOut,
  CaseServiceOut,
  CaseServicesOfCase,
  DueQuery,
  LogServiceBody,
  MineQuery,
  ScheduleServiceBody,
  UpdateServiceBody,
} from './case-services.schemas.ts';
import type { CaseServicesService } from './case-services.service.ts';

const tags = ['case-services'];

export const caseServicesRoutes: FastifyPluginAsyncTypebox<{ caseServices: CaseServicesService }> = async (
  app,
  { caseServices },
) => {
  app.get('/quarantine/cases/:id/services', {
    config: { access: 'quarantine.read' },
    schema: {
      tags,
      summary: 'A case’s services and recent visits',
      params: IdParams,
      response: { 200: CaseServicesOfCase, ...errorResponses },
    },
    handler: async (req) => caseServices.ofCase(actorOf(req), req.params.id),
  });
  app.post('/quarantine/cases/:id/services', {
    config: { access: 'quarantine.write', idempotent: true },
    schema: {
      tags,
      summary: 'Schedule a service every N days from a date',
      params: IdParams,
      body: ScheduleServiceBody,
      response: { 201: CaseServiceOut, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await caseServices.schedule(actorOf(req), callOf(req), req.params.id, req.body)),
  });
  app.patch('/quarantine/services/:id', {
    config: { access: 'quarantine.write' },
    schema: { tags, params: IdParams, body: UpdateServiceBody, response: { 200: CaseServiceOut, ...errorResponses } },
    handler: async (req) => caseServices.update(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.get('/quarantine/services/due', {
    config: { access: 'quarantine.read' },
    schema: {
      tags,
      summary: 'Services due on a day (today by default)',
      querystring: DueQuery,
      response: { 200: CaseServiceList, ...errorResponses },
    },
    handler: async (req) => caseServices.due(actorOf(req), req.query),
  });
  app.get('/quarantine/services/mine', {
    config: { access: 'caseServices.log' },
    schema: {
      tags,
      summary: 'The services given to the caller as a volunteer',
      querystring: MineQuery,
      response: { 200: CaseServiceList, ...errorResponses },
    },
    handler: async (req) => caseServices.mine(actorOf(req), req.query.on),
  });
  app.post('/quarantine/services/:id/logs', {
    config: { access: 'caseServices.log', idempotent: true },
    schema: {
      tags,
      summary: 'Log a visit done; moves the next one on',
      params: IdParams,
      body: LogServiceBody,
      response: { 201: CaseServiceLogOut, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await caseServices.log(actorOf(req), callOf(req), req.params.id, req.body)),
  });
};
