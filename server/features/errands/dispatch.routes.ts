import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import { AssignBody, ClaimBody, DeliverBody, MyErrandsOut, ReasonBody, StepBody, StepDone } from './dispatch.schemas.ts';
import type { DispatchService } from './dispatch.service.ts';

const tags = ['errands'];
const done = { 200: StepDone, ...errorResponses };

/** 派单与配送: the volunteer's page and every step an order takes between its post and the door. */
export const dispatchRoutes: FastifyPluginAsyncTypebox<{ dispatch: DispatchService }> = async (app, { dispatch }) => {
  app.get('/errands/my-orders', {
    config: { access: 'errands.run' },
    schema: {
      tags,
      summary:
        'The volunteer’s errands: new orders to claim, their own open ones, their posts’ others (leaders), delivered today',
      response: { 200: MyErrandsOut, ...errorResponses },
    },
    handler: async (req) => dispatch.mine(actorOf(req)),
  });
  app.post('/errands/orders/:id/claim', {
    // Claim, step and deliver may come again from a phone that did not hear the answer (the field app's outbox).
    config: { access: 'errands.run', idempotent: true },
    schema: {
      tags,
      summary: 'Claim a new order of one’s post (the first claim wins; the others get 409)',
      params: IdParams,
      body: ClaimBody,
      response: done,
    },
    handler: async (req) => dispatch.claim(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.post('/errands/orders/:id/assign', {
    config: { access: 'errands.run' },
    schema: {
      tags,
      summary: 'Give an order to a member of its post (the post’s leader, or staff with errands.manage)',
      params: IdParams,
      body: AssignBody,
      response: done,
    },
    handler: async (req) => dispatch.assign(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.post('/errands/orders/:id/release', {
    config: { access: 'errands.run' },
    schema: {
      tags,
      summary: 'Give a claimed order back to the post before buying (new again, claim deadline restarts)',
      params: IdParams,
      body: ReasonBody,
      response: done,
    },
    handler: async (req) => dispatch.release(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.post('/errands/orders/:id/step', {
    config: { access: 'errands.run', idempotent: true },
    schema: {
      tags,
      summary: 'The claimer moves the order on: purchasing, or on the way (delivering)',
      params: IdParams,
      body: StepBody,
      response: done,
    },
    handler: async (req) => dispatch.step(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.post('/errands/orders/:id/deliver', {
    config: { access: 'errands.run', idempotent: true },
    schema: {
      tags,
      summary: 'Delivered, contactless, with a note as proof (with a photo: POST …/deliver-photo)',
      params: IdParams,
      body: DeliverBody,
      response: done,
    },
    handler: async (req) => dispatch.deliver(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.post('/errands/orders/:id/cancel', {
    config: { access: 'errands.run' },
    schema: {
      tags,
      summary: 'Cancel an open order with a reason the resident sees (the post’s leader, or staff with errands.manage)',
      params: IdParams,
      body: ReasonBody,
      response: done,
    },
    handler: async (req) => dispatch.cancel(actorOf(req), callOf(req), req.params.id, req.body),
  });
};
