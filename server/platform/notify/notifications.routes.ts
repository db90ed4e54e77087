import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../deps.ts';

/** The signed-in account's own inbox. */
export const notificationsRoutes: FastifyPluginAsync<{ deps: Deps }> = async () => {};
