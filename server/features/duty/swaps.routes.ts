import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../platform/deps.ts';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import type { AttendanceService } from './attendance.service.ts';
import type { RostersService } from './rosters.service.ts';
import {
  ApproveBody,
  CreateSwapBody,
  MySwapList,
  RejectBody,
  SwapList,
  SwapOptionList,
  SwapOptionsQuery,
  SwapQuery,
  SwapRequestOut,
} from './swaps.schemas.ts';

const tags = ['swaps'];

/** Swap requests: a volunteer's own (duty.self), and deciding them (duty.swaps). */
export const swapsRoutes: FastifyPluginAsyncTypebox<{
  deps: Deps;
  rosters: RostersService;
  attendance: AttendanceService;
}> = async (app, { rosters: { swaps } }) => {
  app.get('/duty/me/swap-options', {
    config: { access: 'duty.self' },
    schema: { tags, querystring: SwapOptionsQuery, response: { 200: SwapOptionList, ...errorResponses } },
    handler: async (req) => swaps.options(actorOf(req), req.query.assignmentId),
  });
  app.post('/duty/me/swaps', {
    config: { access: 'duty.self', idempotent: true },
    schema: { tags, body: CreateSwapBody, response: { 201: SwapRequestOut, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await swaps.create(actorOf(req), req.lang, callOf(req), req.body)),
  });
  app.get('/duty/me/swaps', {
    config: { access: 'duty.self' },
    schema: { tags, response: { 200: MySwapList, ...errorResponses } },
    handler: async (req) => swaps.mine(actorOf(req), req.lang),
  });
  app.post('/duty/me/swaps/:id/cancel', {
    config: { access: 'duty.self' },
    schema: { tags, params: IdParams, response: { 200: SwapRequestOut, ...errorResponses } },
    handler: async (req) => swaps.cancel(actorOf(req), req.lang, callOf(req), req.params.id),
  });
  app.get('/duty/swaps', {
    config: { access: 'duty.swaps' },
    schema: { tags, querystring: SwapQuery, response: { 200: SwapList, ...errorResponses } },
    handler: async (req) => swaps.list(actorOf(req), req.lang, req.query),
  });
  app.post('/duty/swaps/:id/approve', {
    config: { access: 'duty.swaps' },
    schema: { tags, params: IdParams, body: ApproveBody, response: { 200: SwapRequestOut, ...errorResponses } },
    handler: async (req) => swaps.approve(actorOf(req), req.lang, callOf(req), req.params.id, req.body.reason?.trim() ?? null),
  });
  app.post('/duty/swaps/:id/reject', {
    config: { access: 'duty.swaps' },
    schema: { tags, params: IdParams, body: RejectBody, response: { 200: SwapRequestOut, ...errorResponses } },
    handler: async (req) => swaps.reject(actorOf(req), req.lang, callOf(req), req.params.id, req.body.reason),
  });
};
