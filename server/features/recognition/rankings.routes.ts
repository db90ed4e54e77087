import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../platform/http/context.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { attachment, xlsxResponse } from '../../platform/http/xlsx.ts';
import { RankingExportQuery, RankingOut, RankingQuery } from './rankings.schemas.ts';
import type { RankingsService } from './rankings.service.ts';

const tags = ['recognition'];

export const rankingsRoutes: FastifyPluginAsyncTypebox<{ rankings: RankingsService }> = async (app, { rankings }) => {
  app.get('/recognition/rankings', {
    config: { access: 'volunteers.read' },
    schema: {
      tags,
      summary:
        "Volunteers, teams or units of a region ranked by service hours or a kind of entry over a period (default region: the caller's top region)",
      querystring: RankingQuery,
      response: { 200: RankingOut, ...errorResponses },
    },
    handler: async (req) => rankings.ranking(actorOf(req), req.query),
  });
  app.get('/recognition/rankings/xlsx', {
    config: { access: 'volunteers.read' },
    schema: {
      tags,
      summary: 'The same ranking as an Excel file ready to print (at most its first 5,000 places)',
      querystring: RankingExportQuery,
      response: xlsxResponse,
    },
    handler: async (req, reply) => {
      const { file, name, asciiName } = await rankings.workbook(actorOf(req), req.query);
      return attachment(reply, name, asciiName).send(file);
    },
  });
};
