import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../platform/http/schemas.ts';
import { LedgerOut, LedgerParams, LedgerQuery } from './ledger.schemas.ts';
import type { LedgerService } from './ledger.service.ts';

export const ledgerRoutes: FastifyPluginAsyncTypebox<{ ledger: LedgerService }> = async (app, { ledger }) => {
  // Public on purpose (see ledger.service.ts): what a county posted on its notice boards.
  app.get('/supplies/ledger/:code', {
    config: { access: 'public' },
    schema: {
      tags: ['supplies'],
      summary: 'The public donation ledger of a county (or the city): in, out, totals; nothing personal',
      security: [],
      params: LedgerParams,
      querystring: LedgerQuery,
      response: { 200: LedgerOut, ...errorResponses },
    },
    handler: async (req) => ledger.ledger(req.ip, req.params.code, req.query),
  });
};
