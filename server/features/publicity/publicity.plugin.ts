import type { FastifyPluginAsync } from 'fastify';
import { announcementsRoutes } from './announcements.routes.ts';
import type { AnnouncementsService } from './announcements.service.ts';
import { publicityRoutes } from './publicity.routes.ts';
import type { PublicityService } from './publicity.service.ts';

/** 宣传: publicity logs and their totals; 公告: announcements to residents, and the residents' view of them. */
export const publicityFeature: FastifyPluginAsync<{
  publicity: PublicityService;
  announcements: AnnouncementsService;
}> = async (app, { publicity, announcements }) => {
  await app.register(publicityRoutes, { publicity });
  await app.register(announcementsRoutes, { announcements });
};
