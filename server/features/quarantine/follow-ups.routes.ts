import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import { CloseFollowUpBody, FollowUpList, FollowUpOut, FollowUpPersonOut, FollowUpQuery } from './follow-ups.schemas.ts';
import type { FollowUpsService } from './follow-ups.service.ts';

const tags = ['follow-ups'];

export const followUpsRoutes: FastifyPluginAsyncTypebox<{ followUps: FollowUpsService }> = async (app, { followUps }) => {
  app.get('/follow-ups', {
    config: { access: 'followUps.read' },
    schema: { tags, querystring: FollowUpQuery, response: { 200: FollowUpList, ...errorResponses } },
    handler: async (req) => followUps.list(actorOf(req), req.query),
  });
  app.get('/follow-ups/:id', {
    config: { access: 'followUps.read' },
    schema: { tags, params: IdParams, response: { 200: FollowUpOut, ...errorResponses } },
    handler: async (req) => followUps.get(actorOf(req), req.params.id),
  });
  app.post('/follow-ups/:id/reveal', {
    config: { access: 'pii.reveal' },
    schema: {
      tags,
      summary: 'The name, mobile and plate behind the masks (needs followUps.read too); audited',
      params: IdParams,
      response: { 200: FollowUpPersonOut, ...errorResponses },
    },
    handler: async (req) => followUps.reveal(actorOf(req), callOf(req), req.params.id),
  });
  app.post('/follow-ups/:id/take', {
    config: { access: 'followUps.handle' },
    schema: {
      tags,
      summary: 'Take the task on: in progress, assigned to the caller',
      params: IdParams,
      response: { 200: FollowUpOut, ...errorResponses },
    },
    handler: async (req) => followUps.take(actorOf(req), callOf(req), req.params.id),
  });
  app.post('/follow-ups/:id/close', {
    config: { access: 'followUps.handle' },
    schema: { tags, params: IdParams, body: CloseFollowUpBody, response: { 200: FollowUpOut, ...errorResponses } },
    handler: async (req) => followUps.close(actorOf(req), callOf(req), req.params.id, req.body),
  });
};
