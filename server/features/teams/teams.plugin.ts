import type { FastifyPluginAsync } from 'fastify';
import type { TeamsService } from './teams.service.ts';

/** Teams with sub-teams and temporary party branches, their members, and posts. */
export const teamsFeature: FastifyPluginAsync<{ teams: TeamsService }> = async () => {};
