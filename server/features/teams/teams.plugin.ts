import type { FastifyPluginAsync } from 'fastify';
import { postsRoutes } from './posts.routes.ts';
import { teamsRoutes } from './teams.routes.ts';
import type { TeamsService } from './teams.service.ts';

/** Teams with sub-teams and temporary party branches, their members, and posts. */
export const teamsFeature: FastifyPluginAsync<{ teams: TeamsService }> = async (app, { teams }) => {
  await app.register(teamsRoutes, { teams });
  await app.register(postsRoutes, { posts: teams.posts });
};
