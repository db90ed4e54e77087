import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../platform/http/schemas.ts';
import { ErrandLedgerOut, ErrandLedgerParams, ErrandLedgerQuery } from './ledger.schemas.ts';
import type { ErrandLedgerService } from './ledger.service.ts';

export const errandLedgerRoutes: FastifyPluginAsyncTypebox<{ ledger: ErrandLedgerService }> = async (app, { ledger }) => {
  // Public on purpose (see ledger.service.ts): what a community posts on its notice board.
  app.get('/errands/ledger/:code', {
    config: { access: 'public' },
    schema: {
      tags: ['errands'],
      summary: 'The public errand ledger of a community: runs and what shops were paid, orders with masked names, totals',
      security: [],
      params: ErrandLedgerParams,
      querystring: ErrandLedgerQuery,
      response: { 200: ErrandLedgerOut, ...errorResponses },
    },
    handler: async (req) => ledger.ledger(req.ip, req.params.code, req.query),
  });
};
