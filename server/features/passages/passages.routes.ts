import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import {
  CheckpointParams,
  CountsList,
  CountsQuery,
  CreatePassageBody,
  PassageDeskOut,
  PassageIdentityOut,
  PassageList,
  PassageOut,
  PassageQuery,
  UpdatePassageBody,
} from './passages.schemas.ts';
import type { PassagesService } from './passages.service.ts';

const tags = ['passages'];

export const passagesRoutes: FastifyPluginAsyncTypebox<{ passages: PassagesService }> = async (app, { passages }) => {
  app.get('/passages/checkpoints/:checkpointId/desk', {
    config: { access: 'passages.write' },
    schema: {
      tags,
      summary: "The entry page of a checkpoint: whether the caller may log, settings, today's counts, their latest entries",
      params: CheckpointParams,
      response: { 200: PassageDeskOut, ...errorResponses },
    },
    handler: async (req) => passages.desk(actorOf(req), req.params.checkpointId),
  });
  app.post('/passages', {
    config: { access: 'passages.write', idempotent: true },
    schema: { tags, body: CreatePassageBody, response: { 201: PassageOut, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await passages.create(actorOf(req), callOf(req), req.body)),
  });
  app.patch('/passages/:id', {
    config: { access: 'passages.write' },
    schema: {
      tags,
      summary: 'The recorder corrects an entry within the edit window',
      params: IdParams,
      body: UpdatePassageBody,
      response: { 200: PassageOut, ...errorResponses },
    },
    handler: async (req) => passages.update(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.get('/passages', {
    config: { access: 'passages.read' },
    schema: { tags, querystring: PassageQuery, response: { 200: PassageList, ...errorResponses } },
    handler: async (req) => passages.list(actorOf(req), req.query),
  });
  app.post('/passages/:id/reveal', {
    config: { access: 'passages.reveal' },
    schema: {
      tags,
      summary: 'The name, mobile and plate behind the masks; audited',
      params: IdParams,
      response: { 200: PassageIdentityOut, ...errorResponses },
    },
    handler: async (req) => passages.reveal(actorOf(req), callOf(req), req.params.id),
  });
  app.get('/passages/counts', {
    config: { access: 'passages.read' },
    schema: {
      tags,
      summary: 'Passers, vehicles, fevers, risk-area arrivals and leaflets per checkpoint and day (at most 31 days)',
      querystring: CountsQuery,
      response: { 200: CountsList, ...errorResponses },
    },
    handler: async (req) => passages.counts(actorOf(req), req.query),
  });
};
