import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import { TokenParams } from '../quarantine/health-reports.schemas.ts';
import {
  AnnouncementList,
  AnnouncementOut,
  AnnouncementQuery,
  CreateAnnouncementBody,
  ReachingQuery,
  ResidentAnnouncementList,
  WithdrawBody,
} from './announcements.schemas.ts';
import type { AnnouncementsService } from './announcements.service.ts';

const tags = ['announcements'];

export const announcementsRoutes: FastifyPluginAsyncTypebox<{ announcements: AnnouncementsService }> = async (
  app,
  { announcements },
) => {
  app.get('/announcements', {
    config: { access: 'announcements.write' },
    schema: {
      tags,
      summary: 'Announcements to regions in the caller’s area: current, scheduled, expired, withdrawn',
      querystring: AnnouncementQuery,
      response: { 200: AnnouncementList, ...errorResponses },
    },
    handler: async (req) => announcements.list(actorOf(req), req.query),
  });
  app.post('/announcements', {
    config: { access: 'announcements.write', idempotent: true },
    schema: {
      tags,
      summary: 'Publish to the residents of a region’s subtree, now or from a time, until it expires',
      body: CreateAnnouncementBody,
      response: { 201: AnnouncementOut, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await announcements.create(actorOf(req), callOf(req), req.body)),
  });
  app.post('/announcements/:id/withdraw', {
    config: { access: 'announcements.write' },
    schema: {
      tags,
      summary: 'Take it down from the residents’ pages, with a reason (audited)',
      params: IdParams,
      body: WithdrawBody,
      response: { 200: AnnouncementOut, ...errorResponses },
    },
    handler: async (req) => announcements.withdraw(actorOf(req), callOf(req), req.params.id, req.body.reason),
  });
  app.get('/announcements/reaching', {
    config: { access: 'announcements.write' },
    schema: {
      tags,
      summary: 'What residents of a region see now (its own announcements and those of the regions above it)',
      querystring: ReachingQuery,
      response: { 200: ResidentAnnouncementList, ...errorResponses },
    },
    handler: async (req) => announcements.reaching(actorOf(req), req.query.regionId),
  });

  app.get('/h/:token/announcements', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Current announcements for the resident behind a personal link (no account; rate limited per address)',
      security: [],
      params: TokenParams,
      response: { 200: ResidentAnnouncementList, ...errorResponses },
    },
    handler: async (req) => announcements.forToken(req.ip, req.params.token),
  });
};
