import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams, Ok } from '../../platform/http/schemas.ts';
import { PLACARD_CSP, placardDocument, placardPage } from './checkpoints.placard.ts';
import {
  CheckpointList,
  CheckpointOut,
  CheckpointQuery,
  CreateCheckpointBody,
  PlacardsQuery,
  UpdateCheckpointBody,
  type Checkpoint,
} from './checkpoints.schemas.ts';
import type { CheckpointsService } from './checkpoints.service.ts';

const tags = ['checkpoints'];
const HTML_MIME = 'text/html';

const htmlResponse = {
  200: { description: 'Printable A4 placards (HTML, print CSS)', content: { [HTML_MIME]: { schema: Type.String() } } },
  ...errorResponses,
};

/** The link on the placard points back at the host the placard was asked from, as the browser saw it. */
const originOf = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

async function sendPlacards(req: FastifyRequest, reply: FastifyReply, title: string, checkpoints: Checkpoint[]) {
  const origin = originOf(req);
  const pages: string[] = [];
  for (const cp of checkpoints) pages.push(await placardPage(cp, origin));
  return reply
    .type(`${HTML_MIME}; charset=utf-8`)
    .header('content-security-policy', PLACARD_CSP)
    .header('cache-control', 'no-store')
    .send(placardDocument(title, pages));
}

export const checkpointsRoutes: FastifyPluginAsyncTypebox<{ checkpoints: CheckpointsService }> = async (app, { checkpoints }) => {
  app.get('/checkpoints', {
    config: { access: 'checkpoints.read' },
    schema: { tags, querystring: CheckpointQuery, response: { 200: CheckpointList, ...errorResponses } },
    handler: async (req) => checkpoints.list(actorOf(req), req.query),
  });
  app.get('/checkpoints/:id', {
    config: { access: 'checkpoints.read' },
    schema: { tags, params: IdParams, response: { 200: CheckpointOut, ...errorResponses } },
    handler: async (req) => checkpoints.get(actorOf(req), req.params.id),
  });
  app.post('/checkpoints', {
    config: { access: 'checkpoints.write', idempotent: true },
    schema: { tags, body: CreateCheckpointBody, response: { 201: CheckpointOut, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await checkpoints.create(actorOf(req), callOf(req), req.body)),
  });
  app.patch('/checkpoints/:id', {
    config: { access: 'checkpoints.write' },
    schema: { tags, params: IdParams, body: UpdateCheckpointBody, response: { 200: CheckpointOut, ...errorResponses } },
    handler: async (req) => checkpoints.update(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.delete('/checkpoints/:id', {
    config: { access: 'checkpoints.write' },
    schema: { tags, params: IdParams, response: { 200: Ok, ...errorResponses } },
    handler: async (req) => {
      await checkpoints.remove(actorOf(req), callOf(req), req.params.id);
      return { ok: true as const };
    },
  });

  app.get('/checkpoints/:id/placard', {
    config: { access: 'checkpoints.read' },
    schema: {
      tags,
      summary: 'The A4 placard of a checkpoint with its check-in QR code, ready to print',
      params: IdParams,
      produces: [HTML_MIME],
      response: htmlResponse,
    },
    handler: async (req, reply) => {
      const cp = await checkpoints.placard(actorOf(req), req.params.id);
      return sendPlacards(req, reply, `${cp.name} 卡点公示牌`, [cp]);
    },
  });
  app.get('/checkpoints/placards', {
    config: { access: 'checkpoints.read' },
    schema: {
      tags,
      summary: 'The placards of every active checkpoint under a region, one A4 page each, by place then name',
      querystring: PlacardsQuery,
      produces: [HTML_MIME],
      response: htmlResponse,
    },
    handler: async (req, reply) =>
      sendPlacards(req, reply, '卡点公示牌', await checkpoints.placards(actorOf(req), req.query.regionId)),
  });
};
