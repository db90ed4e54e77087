import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../platform/deps.ts';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams, Ok } from '../../platform/http/schemas.ts';
import { attachment, xlsxResponse } from '../../platform/http/xlsx.ts';
import type { AttendanceService } from './attendance.service.ts';
import {
  AssignBody,
  AssignmentOutSchema,
  AssignmentParams,
  BoardOut,
  BoardQuery,
  CandidateList,
  CandidateQuery,
  ChangeList,
  CreateRosterBody,
  PublishOut,
  RosterDetailOut,
  RosterList,
  RosterQuery,
  ShiftParams,
  UnassignQuery,
  UpdateRosterBody,
} from './rosters.schemas.ts';
import type { RostersService } from './rosters.service.ts';

const tags = ['rosters'];

export const rostersRoutes: FastifyPluginAsyncTypebox<{
  deps: Deps;
  rosters: RostersService;
  attendance: AttendanceService;
}> = async (app, { rosters }) => {
  app.get('/rosters', {
    config: { access: 'duty.read' },
    schema: { tags, querystring: RosterQuery, response: { 200: RosterList, ...errorResponses } },
    handler: async (req) => rosters.list(actorOf(req), req.query),
  });
  app.post('/rosters', {
    config: { access: 'duty.plan', idempotent: true },
    schema: {
      tags,
      description: 'Generates the roster with the optimiser (in a worker thread; a county takes up to about 10 s).',
      body: CreateRosterBody,
      response: { 201: RosterDetailOut, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await rosters.create(actorOf(req), callOf(req), req.body)),
  });
  app.get('/rosters/:id', {
    config: { access: 'duty.read' },
    schema: { tags, params: IdParams, response: { 200: RosterDetailOut, ...errorResponses } },
    handler: async (req) => rosters.get(actorOf(req), req.params.id),
  });
  app.patch('/rosters/:id', {
    config: { access: 'duty.plan' },
    schema: { tags, params: IdParams, body: UpdateRosterBody, response: { 200: RosterDetailOut, ...errorResponses } },
    handler: async (req) => rosters.update(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.delete('/rosters/:id', {
    config: { access: 'duty.plan' },
    schema: { tags, params: IdParams, response: { 200: Ok, ...errorResponses } },
    handler: async (req) => {
      await rosters.remove(actorOf(req), callOf(req), req.params.id);
      return { ok: true as const };
    },
  });
  app.post('/rosters/:id/regenerate', {
    config: { access: 'duty.plan' },
    schema: { tags, params: IdParams, response: { 200: RosterDetailOut, ...errorResponses } },
    handler: async (req) => rosters.regenerate(actorOf(req), callOf(req), req.params.id),
  });
  app.get('/rosters/:id/board', {
    config: { access: 'duty.read' },
    schema: { tags, params: IdParams, querystring: BoardQuery, response: { 200: BoardOut, ...errorResponses } },
    handler: async (req) => rosters.board(actorOf(req), req.params.id, req.query),
  });
  app.get('/rosters/:id/shifts/:shiftId/candidates', {
    config: { access: 'duty.plan' },
    schema: { tags, params: ShiftParams, querystring: CandidateQuery, response: { 200: CandidateList, ...errorResponses } },
    handler: async (req) => rosters.candidates(actorOf(req), req.lang, req.params.id, req.params.shiftId, req.query),
  });
  app.post('/rosters/:id/assignments', {
    config: { access: 'duty.plan', idempotent: true },
    schema: { tags, params: IdParams, body: AssignBody, response: { 201: AssignmentOutSchema, ...errorResponses } },
    handler: async (req, reply) =>
      reply.status(201).send(await rosters.assign(actorOf(req), req.lang, callOf(req), req.params.id, req.body)),
  });
  app.delete('/rosters/:id/assignments/:assignmentId', {
    config: { access: 'duty.plan' },
    schema: { tags, params: AssignmentParams, querystring: UnassignQuery, response: { 200: Ok, ...errorResponses } },
    handler: async (req) => {
      await rosters.unassign(actorOf(req), callOf(req), req.params.id, req.params.assignmentId, req.query.reason?.trim() ?? null);
      return { ok: true as const };
    },
  });
  app.post('/rosters/:id/publish', {
    config: { access: 'duty.plan' },
    schema: { tags, params: IdParams, response: { 200: PublishOut, ...errorResponses } },
    handler: async (req) => rosters.publish(actorOf(req), callOf(req), req.params.id),
  });
  app.get('/rosters/:id/changes', {
    config: { access: 'duty.read' },
    schema: { tags, params: IdParams, response: { 200: ChangeList, ...errorResponses } },
    handler: async (req) => rosters.changes(actorOf(req), req.params.id),
  });
  app.get('/rosters/:id/export', {
    config: { access: 'duty.read' },
    schema: { tags, params: IdParams, response: xlsxResponse },
    handler: async (req, reply) => {
      const { name, file } = await rosters.exportXlsx(actorOf(req), req.params.id);
      return attachment(reply, `${name}.xlsx`, `roster-${req.params.id}.xlsx`).send(file);
    },
  });
};
