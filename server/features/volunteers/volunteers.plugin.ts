import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { pledgesRoutes } from './pledges.routes.ts';
import type { PledgesService } from './pledges.service.ts';
import { volunteersImportRoutes } from './volunteers.import.routes.ts';
import { volunteersRoutes } from './volunteers.routes.ts';
import type { VolunteersService } from './volunteers.service.ts';

/** Pledges and the volunteer registry: the public pledge form, review, the registry and its Excel. */
export const volunteersFeature: FastifyPluginAsync<{
  deps: Deps;
  volunteers: VolunteersService;
  pledges: PledgesService;
}> = async (app, { deps, volunteers, pledges }) => {
  await app.register(volunteersRoutes, { volunteers });
  await app.register(volunteersImportRoutes, { deps, volunteers });
  await app.register(pledgesRoutes, { pledges });
};
