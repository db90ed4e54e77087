import type { FastifyPluginAsync } from 'fastify';
import { followUpsRoutes } from './follow-ups.routes.ts';
import type { FollowUpsService } from './follow-ups.service.ts';

/** Quarantine: follow-up tasks so far (households, returnees and isolation cases come with their issue). */
export const quarantineFeature: FastifyPluginAsync<{ followUps: FollowUpsService }> = async (app, { followUps }) => {
  await app.register(followUpsRoutes, { followUps });
};
