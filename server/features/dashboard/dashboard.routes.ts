import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../platform/http/context.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { DashboardOut, DashboardQuery, RefreshedOut } from './dashboard.schemas.ts';
import type { DashboardService } from './dashboard.service.ts';

const tags = ['dashboard'];
const Empty = Type.Object({}, { additionalProperties: false });

export const dashboardRoutes: FastifyPluginAsyncTypebox<{ dashboard: DashboardService }> = async (app, { dashboard }) => {
  app.get('/dashboard', {
    config: { access: 'dashboard.read' },
    schema: {
      tags,
      summary: "A region's figures today, its children's, and the last 14 days (default: the caller's top region)",
      querystring: DashboardQuery,
      response: { 200: DashboardOut, ...errorResponses },
    },
    handler: async (req) => dashboard.dashboard(actorOf(req), req.query),
  });
  // Not idempotent-keyed nor audited: it recomputes the snapshot any refresh would; asks made together share one run.
  app.post('/dashboard/refresh', {
    config: { access: 'dashboard.read' },
    schema: {
      tags,
      summary: "Recomputes today's figures now, counting everything committed before the request",
      body: Type.Optional(Empty),
      response: { 200: RefreshedOut, ...errorResponses },
    },
    handler: async (req) => dashboard.refreshNow(actorOf(req)),
  });
};
