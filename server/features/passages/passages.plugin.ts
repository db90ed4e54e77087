import type { FastifyPluginAsync } from 'fastify';
import { passagesRoutes } from './passages.routes.ts';
import type { PassagesService } from './passages.service.ts';

/** The passage log: entry at the gate, lists, reveals and daily counts. */
export const passagesFeature: FastifyPluginAsync<{ passages: PassagesService }> = async (app, { passages }) => {
  await app.register(passagesRoutes, { passages });
};
