import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import { householdsImportService } from './households.import.ts';
import { householdsImportRoutes, householdsRoutes } from './households.routes.ts';
import type { HouseholdsService } from './households.service.ts';
import { screeningRoutes } from './screening.routes.ts';
import type { ScreeningService } from './screening.service.ts';

/** Households (一户一档) and door-to-door screening campaigns (入户排查). */
export const householdsFeature: FastifyPluginAsync<{
  deps: Deps;
  regions: RegionsService;
  households: HouseholdsService;
  screening: ScreeningService;
}> = async (app, { deps, regions, households, screening }) => {
  await app.register(householdsRoutes, { households });
  await app.register(householdsImportRoutes, { deps, excel: householdsImportService(deps, { regions, households }) });
  await app.register(screeningRoutes, { screening });
};
