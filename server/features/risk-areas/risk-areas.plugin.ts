import type { FastifyPluginAsync } from 'fastify';
import { riskAreasRoutes } from './risk-areas.routes.ts';
import type { RiskAreasService } from './risk-areas.service.ts';

/** Divisions (the national list for origin pickers) and the risk-area list. */
export const riskAreasFeature: FastifyPluginAsync<{ riskAreas: RiskAreasService }> = async (app, { riskAreas }) => {
  await app.register(riskAreasRoutes, { riskAreas });
};
