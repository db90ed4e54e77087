import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import { accountsRoutes } from './accounts.routes.ts';
import { accountsService } from './accounts.service.ts';
import { authRoutes } from './auth.routes.ts';
import { authService } from './auth.service.ts';

/** Accounts, sign-in and first-run setup share one repository, so they register together. */
export const accountsFeature: FastifyPluginAsync<{ deps: Deps; regions: RegionsService }> = async (app, { deps, regions }) => {
  await app.register(authRoutes, { deps, auth: authService(deps) });
  await app.register(accountsRoutes, { accounts: accountsService(deps, regions) });
};
