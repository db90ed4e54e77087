import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { RegionsService } from './regions.service.ts';

export const regionsImportRoutes: FastifyPluginAsync<{ deps: Deps; regions: RegionsService }> = async () => {};
