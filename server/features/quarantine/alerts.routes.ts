import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import { AlertList, AlertOut, AlertQuery, CloseAlertBody } from './alerts.schemas.ts';
import type { AlertsService } from './alerts.service.ts';

const tags = ['alerts'];

export const alertsRoutes: FastifyPluginAsyncTypebox<{ alerts: AlertsService }> = async (app, { alerts }) => {
  app.get('/quarantine/alerts', {
    config: { access: 'quarantine.read' },
    schema: { tags, querystring: AlertQuery, response: { 200: AlertList, ...errorResponses } },
    handler: async (req) => alerts.list(actorOf(req), req.query),
  });
  app.get('/quarantine/alerts/:id', {
    config: { access: 'quarantine.read' },
    schema: { tags, params: IdParams, response: { 200: AlertOut, ...errorResponses } },
    handler: async (req) => alerts.get(actorOf(req), req.params.id),
  });
  app.post('/quarantine/alerts/:id/take', {
    config: { access: 'alerts.handle' },
    schema: {
      tags,
      summary: 'Take the alert on: the caller owns it',
      params: IdParams,
      response: { 200: AlertOut, ...errorResponses },
    },
    handler: async (req) => alerts.take(actorOf(req), callOf(req), req.params.id),
  });
  app.post('/quarantine/alerts/:id/close', {
    config: { access: 'alerts.handle' },
    schema: {
      tags,
      summary: 'Close with what was done',
      params: IdParams,
      body: CloseAlertBody,
      response: { 200: AlertOut, ...errorResponses },
    },
    handler: async (req) => alerts.close(actorOf(req), callOf(req), req.params.id, req.body),
  });
};
