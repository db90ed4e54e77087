import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import { OrderDetailOut, OrderList, OrderQuery, RevealedOut, StaffOrderBody } from './orders.schemas.ts';
import type { OrdersService } from './orders.service.ts';

const tags = ['errands'];

/** Staff desks: the order list with its filters, one order with every step, and orders taken by phone. */
export const ordersRoutes: FastifyPluginAsyncTypebox<{ orders: OrdersService }> = async (app, { orders }) => {
  app.get('/errands/orders', {
    config: { access: 'errands.read' },
    schema: {
      tags,
      summary: 'Orders in scope, by region, status, post, day and overdue',
      querystring: OrderQuery,
      response: { 200: OrderList, ...errorResponses },
    },
    handler: async (req) => orders.list(actorOf(req), req.query),
  });
  app.get('/errands/orders/:id', {
    config: { access: 'errands.read' },
    schema: {
      tags,
      summary: 'One order with every step',
      params: IdParams,
      response: { 200: OrderDetailOut, ...errorResponses },
    },
    handler: async (req) => orders.get(actorOf(req), req.params.id),
  });
  app.post('/errands/orders', {
    config: { access: 'errands.order', idempotent: true },
    schema: {
      tags,
      summary: 'Enter an order taken by phone for a household',
      body: StaffOrderBody,
      response: { 201: OrderDetailOut, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await orders.create(actorOf(req), callOf(req), req.body)),
  });
  app.post('/errands/orders/:id/reveal', {
    config: { access: 'pii.reveal' },
    schema: {
      tags,
      summary: 'The contact’s mobile in full (audited)',
      params: IdParams,
      response: { 200: RevealedOut, ...errorResponses },
    },
    handler: async (req) => orders.reveal(actorOf(req), callOf(req), req.params.id),
  });
};
