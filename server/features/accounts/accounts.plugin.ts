import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { accountsRoutes } from './accounts.routes.ts';
import type { AccountsService } from './accounts.service.ts';
import { authRoutes } from './auth.routes.ts';
import { authService } from './auth.service.ts';

/** Accounts, sign-in and first-run setup share one repository, so they register together. */
export const accountsFeature: FastifyPluginAsync<{ deps: Deps; accounts: AccountsService }> = async (app, { deps, accounts }) => {
  await app.register(authRoutes, { deps, auth: authService(deps) });
  await app.register(accountsRoutes, { accounts });
};
