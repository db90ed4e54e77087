import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import {
  CreatePayoutBody,
  OrderMoneyOut,
  PaymentBody,
  PayoutList,
  PayoutOut,
  PayoutQuery,
  SettlementOut,
  SettlementQuery,
} from './settlement.schemas.ts';
import type { SettlementService } from './settlement.service.ts';

const tags = ['errands'];

export const settlementRoutes: FastifyPluginAsyncTypebox<{ settlement: SettlementService }> = async (app, { settlement }) => {
  app.get('/errands/settlement', {
    config: { access: 'errands.read' },
    schema: {
      tags,
      summary: 'Who owes whom: each order’s amount due and payment, households owing, volunteers’ balances',
      querystring: SettlementQuery,
      response: { 200: SettlementOut, ...errorResponses },
    },
    handler: async (req) => settlement.settlement(actorOf(req), req.query),
  });
  app.put('/errands/orders/:id/payment', {
    config: { access: 'errands.run' },
    schema: {
      tags,
      summary:
        'Record what the household paid for an order, how, and who took it (the order’s volunteer, the post’s leader, or staff)',
      params: IdParams,
      body: PaymentBody,
      response: { 200: OrderMoneyOut, ...errorResponses },
    },
    handler: async (req) => settlement.pay(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.get('/errands/payouts', {
    config: { access: 'errands.read' },
    schema: {
      tags,
      summary: 'Reimbursements and hand-ins, newest first',
      querystring: PayoutQuery,
      response: { 200: PayoutList, ...errorResponses },
    },
    handler: async (req) => settlement.payouts(actorOf(req), req.query),
  });
  app.post('/errands/payouts', {
    config: { access: 'errands.manage', idempotent: true },
    schema: {
      tags,
      summary: 'Record money between a volunteer and the community (reimburse what they advanced, or cash handed in)',
      body: CreatePayoutBody,
      response: { 201: PayoutOut, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await settlement.createPayout(actorOf(req), callOf(req), req.body)),
  });
};
