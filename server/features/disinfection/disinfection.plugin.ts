import type { FastifyPluginAsync } from 'fastify';
import type { DisinfectionService } from './disinfection.service.ts';
import { logsRoutes } from './logs.routes.ts';
import { placesRoutes } from './places.routes.ts';

/** 卫生消杀: places, schedules, logs, sign-off and totals. */
export const disinfectionFeature: FastifyPluginAsync<{ disinfection: DisinfectionService }> = async (app, { disinfection }) => {
  await app.register(placesRoutes, { places: disinfection.places });
  await app.register(logsRoutes, { logs: disinfection.logs });
};
