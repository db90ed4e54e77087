import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { PledgesService } from './pledges.service.ts';
import type { VolunteersService } from './volunteers.service.ts';

/** Pledges and the volunteer registry: the public pledge form, review, the registry and its Excel. */
export const volunteersFeature: FastifyPluginAsync<{
  deps: Deps;
  volunteers: VolunteersService;
  pledges: PledgesService;
}> = async () => {};
