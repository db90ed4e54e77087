import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import {
  AbsenceTallyOut,
  AbsenceTallyQuery,
  CheckpointParams,
  CoverageOut,
  CoverageQuery,
  CreateInspectionBody,
  CrewQuery,
  InspectionCrewOut,
  InspectionList,
  InspectionOut,
  InspectionQuery,
} from './inspections.schemas.ts';
import type { InspectionsService } from './inspections.service.ts';

const tags = ['inspections'];

export const inspectionsRoutes: FastifyPluginAsyncTypebox<{ inspections: InspectionsService }> = async (app, { inspections }) => {
  app.get('/inspections/checkpoints/:checkpointId/crew', {
    config: { access: 'inspections.visit' },
    schema: {
      tags,
      summary: 'Who the roster puts on post at a checkpoint at a moment (default now), for a visit',
      params: CheckpointParams,
      querystring: CrewQuery,
      response: { 200: InspectionCrewOut, ...errorResponses },
    },
    handler: async (req) => inspections.crew(actorOf(req), req.params.checkpointId, req.query.at),
  });
  app.post('/inspections', {
    config: { access: 'inspections.visit', idempotent: true },
    schema: { tags, body: CreateInspectionBody, response: { 201: InspectionOut, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await inspections.create(actorOf(req), callOf(req), req.body)),
  });
  app.get('/inspections', {
    config: { access: 'inspections.read' },
    schema: { tags, querystring: InspectionQuery, response: { 200: InspectionList, ...errorResponses } },
    handler: async (req) => inspections.list(actorOf(req), req.query),
  });
  app.get('/inspections/coverage', {
    config: { access: 'inspections.read' },
    schema: {
      tags,
      summary: 'Checkpoints visited today and this week, staffing now, and a suggested round over the unvisited',
      querystring: CoverageQuery,
      response: { 200: CoverageOut, ...errorResponses },
    },
    handler: async (req) => inspections.coverage(actorOf(req), req.query),
  });
  app.get('/inspections/absences', {
    config: { access: 'inspections.read' },
    schema: {
      tags,
      summary: 'Absences found by inspections in a period, by volunteer and by team',
      querystring: AbsenceTallyQuery,
      response: { 200: AbsenceTallyOut, ...errorResponses },
    },
    handler: async (req) => inspections.absences(actorOf(req), req.query),
  });
  app.get('/inspections/:id', {
    config: { access: 'inspections.read' },
    schema: { tags, params: IdParams, response: { 200: InspectionOut, ...errorResponses } },
    handler: async (req) => inspections.get(actorOf(req), req.params.id),
  });
};
