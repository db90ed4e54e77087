import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { IMAGE_MIMES } from '../../platform/files/stored-files.ts';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import {
  AssignShopsBody,
  CandidateList,
  CandidatesQuery,
  CreateRunBody,
  RecordShopBody,
  RunList,
  RunOut,
  RunQuery,
  RunShopParams,
} from './runs.schemas.ts';
import type { RunsService } from './runs.service.ts';

const tags = ['errands'];

const imageResponse = {
  200: {
    description: 'The receipt photo',
    content: Object.fromEntries(
      IMAGE_MIMES.map((m) => [m, { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) }]),
    ),
  },
  ...errorResponses,
};

/** Purchase runs (集中采办). The receipt upload takes raw image bytes: see runs.receipts.routes.ts. */
export const runsRoutes: FastifyPluginAsyncTypebox<{ runs: RunsService }> = async (app, { runs }) => {
  app.get('/errands/runs', {
    config: { access: 'errands.run' },
    schema: {
      tags,
      summary: 'Purchase runs in the caller’s area',
      querystring: RunQuery,
      response: { 200: RunList, ...errorResponses },
    },
    handler: async (req) => runs.list(actorOf(req), req.query),
  });
  app.get('/errands/runs/candidates', {
    config: { access: 'errands.run' },
    schema: {
      tags,
      summary: 'Open orders of a post that a purchase run may bundle',
      querystring: CandidatesQuery,
      response: { 200: CandidateList, ...errorResponses },
    },
    handler: async (req) => runs.candidates(actorOf(req), req.query.postId),
  });
  app.post('/errands/runs', {
    config: { access: 'errands.run', idempotent: true },
    schema: {
      tags,
      summary: 'Bundle open orders of a post into a purchase run (the post’s leader)',
      body: CreateRunBody,
      response: { 201: RunOut, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await runs.create(actorOf(req), callOf(req), req.body)),
  });
  app.get('/errands/runs/:id', {
    config: { access: 'errands.run' },
    schema: {
      tags,
      summary: 'A run: shopping list by shop, its orders with their items and costs',
      params: IdParams,
      response: { 200: RunOut, ...errorResponses },
    },
    handler: async (req) => runs.get(actorOf(req), req.params.id),
  });
  app.put('/errands/runs/:id/items', {
    config: { access: 'errands.run' },
    schema: {
      tags,
      summary: 'Choose the shop each item is bought at (open runs)',
      params: IdParams,
      body: AssignShopsBody,
      response: { 200: RunOut, ...errorResponses },
    },
    handler: async (req) => runs.assignShops(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.put('/errands/runs/:id/shops/:shopId', {
    config: { access: 'errands.run' },
    schema: {
      tags,
      summary: 'Record what was paid at a shop and who advanced it; allocates the cost to the orders',
      params: RunShopParams,
      body: RecordShopBody,
      response: { 200: RunOut, ...errorResponses },
    },
    handler: async (req) => runs.recordShop(actorOf(req), callOf(req), req.params.id, req.params.shopId, req.body),
  });
  app.get('/errands/runs/:id/shops/:shopId/receipt', {
    config: { access: 'errands.run' },
    schema: { tags, summary: 'The receipt photo of a shop of the run', params: RunShopParams, response: imageResponse },
    handler: async (req, reply) => {
      const file = await runs.receipt(actorOf(req), req.params.id, req.params.shopId);
      // A stream, not the schema's Buffer: the generic reply sends it as is.
      return (reply as FastifyReply)
        .type(file.mime)
        .header('content-length', file.size)
        .header('cache-control', 'private, max-age=3600')
        .send(file.stream);
    },
  });
};
