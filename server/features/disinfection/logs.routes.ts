import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import {
  CreateLogBody,
  LogList,
  LogOut,
  LogQuery,
  MyLogsOut,
  SignOffBody,
  TotalsOut,
  TotalsQuery,
} from './disinfection.schemas.ts';
import type { LogsService } from './logs.service.ts';

const tags = ['disinfection'];

export const logsRoutes: FastifyPluginAsyncTypebox<{ logs: LogsService }> = async (app, { logs }) => {
  app.post('/disinfection/logs', {
    config: { access: 'disinfection.log', idempotent: true },
    schema: {
      tags,
      summary: 'Log a job done at a place (against its schedule: the next job moves on)',
      body: CreateLogBody,
      response: { 201: LogOut, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await logs.log(actorOf(req), callOf(req), req.body)),
  });
  app.get('/disinfection/logs', {
    config: { access: 'disinfection.read' },
    schema: {
      tags,
      summary: 'Jobs done in scope (places and isolated homes), newest first',
      querystring: LogQuery,
      response: { 200: LogList, ...errorResponses },
    },
    handler: async (req) => logs.list(actorOf(req), req.query),
  });
  app.get('/disinfection/logs/:id', {
    config: { access: 'disinfection.read' },
    schema: { tags, params: IdParams, response: { 200: LogOut, ...errorResponses } },
    handler: async (req) => logs.get(actorOf(req), req.params.id),
  });
  app.post('/disinfection/logs/:id/sign-off', {
    config: { access: 'disinfection.signOff' },
    schema: {
      tags,
      summary: 'Sign a job off (once; not one’s own)',
      params: IdParams,
      body: SignOffBody,
      response: { 200: LogOut, ...errorResponses },
    },
    handler: async (req) => logs.signOff(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.get('/disinfection/my/logs', {
    config: { access: 'disinfection.log' },
    schema: { tags, summary: 'The caller’s own recent entries', response: { 200: MyLogsOut, ...errorResponses } },
    handler: async (req) => logs.mine(actorOf(req)),
  });
  app.get('/disinfection/totals', {
    config: { access: 'disinfection.read' },
    schema: {
      tags,
      summary: 'Operations, m² and people under a region over a period (default this month), per child region',
      querystring: TotalsQuery,
      response: { 200: TotalsOut, ...errorResponses },
    },
    handler: async (req) => logs.totals(actorOf(req), req.query),
  });
};
