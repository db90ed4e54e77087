import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../platform/http/context.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { NumbersOut, NumbersQuery } from './numbers.schemas.ts';
import type { NumbersService } from './numbers.service.ts';

export const numbersRoutes: FastifyPluginAsyncTypebox<{ numbers: NumbersService }> = async (app, { numbers }) => {
  app.get('/errands/numbers', {
    config: { access: 'errands.read' },
    schema: {
      tags: ['errands'],
      summary: 'Orders, median time to claim and to delivery, share on time and amounts, per grid, community, county or day',
      querystring: NumbersQuery,
      response: { 200: NumbersOut, ...errorResponses },
    },
    handler: async (req) => numbers.numbers(actorOf(req), req.query),
  });
};
