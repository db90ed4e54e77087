import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams, Ok } from '../../platform/http/schemas.ts';
import {
  CreateLogBody,
  DeleteLogQuery,
  LogQuery,
  PlaceList,
  PublicityLogList,
  PublicityLogOut,
  RegionQuery,
  TeamList,
  TotalsOut,
  TotalsQuery,
} from './publicity.schemas.ts';
import type { PublicityService } from './publicity.service.ts';

const tags = ['publicity'];

export const publicityRoutes: FastifyPluginAsyncTypebox<{ publicity: PublicityService }> = async (app, { publicity }) => {
  app.get('/publicity/logs', {
    config: { access: 'publicity.log' },
    schema: {
      tags,
      summary: 'Publicity entries: the area’s for staff (publicity.read), the caller’s own otherwise',
      querystring: LogQuery,
      response: { 200: PublicityLogList, ...errorResponses },
    },
    handler: async (req) => publicity.list(actorOf(req), req.query),
  });
  app.post('/publicity/logs', {
    config: { access: 'publicity.log', idempotent: true },
    schema: {
      tags,
      summary: 'Log posters, notices, leaflets … put up or handed out in the caller’s area',
      body: CreateLogBody,
      response: { 201: PublicityLogOut, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await publicity.create(actorOf(req), callOf(req), req.body)),
  });
  app.delete('/publicity/logs/:id', {
    config: { access: 'publicity.read' },
    schema: {
      tags,
      summary: 'Delete a wrong entry, with a reason; its content stays in the audit log',
      params: IdParams,
      querystring: DeleteLogQuery,
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (req) => {
      await publicity.remove(actorOf(req), callOf(req), req.params.id, req.query.reason);
      return { ok: true as const };
    },
  });
  app.get('/publicity/totals', {
    config: { access: 'publicity.read' },
    schema: {
      tags,
      summary: 'Entries and quantities per material for each region below the one asked, over a period',
      querystring: TotalsQuery,
      response: { 200: TotalsOut, ...errorResponses },
    },
    handler: async (req) => publicity.totals(actorOf(req), req.query),
  });
  app.get('/publicity/checkpoints', {
    config: { access: 'publicity.log' },
    schema: {
      tags,
      summary: 'Checkpoints of a region in the caller’s area, to log at',
      querystring: RegionQuery,
      response: { 200: PlaceList, ...errorResponses },
    },
    handler: async (req) => publicity.places(actorOf(req), req.query.regionId),
  });
  app.get('/publicity/teams', {
    config: { access: 'publicity.log' },
    schema: { tags, summary: 'The teams the caller serves in, to log under', response: { 200: TeamList, ...errorResponses } },
    handler: async (req) => publicity.myTeams(actorOf(req)),
  });
};
