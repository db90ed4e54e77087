import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { Language } from '../../../common/enums.ts';
import { ConflictAnswerOut } from '../sync/sync.schemas.ts';
import { conflictAnswer } from '../sync/sync.service.ts';
import type { Deps } from '../../platform/deps.ts';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import {
  AbsenceList,
  AbsenceQuery,
  AttendanceBody,
  CheckInPageOut,
  CodeParams,
  DutyNowOut,
  DutyNowQuery,
  MyDutyOut,
  MyDutyPageOut,
} from './attendance.schemas.ts';
import type { AttendanceResult, AttendanceService } from './attendance.service.ts';
import type { RostersService } from './rosters.service.ts';

const tags = ['duty'];

function answer(lang: Language, reply: FastifyReply, r: AttendanceResult) {
  if ('conflict' in r) return reply.status(202).send(conflictAnswer(lang, r.conflict));
  return reply.status(200).send(r);
}

/** On-post attendance: the volunteer's own duties and check-in/out, and who is on duty now. */
export const attendanceRoutes: FastifyPluginAsyncTypebox<{
  deps: Deps;
  rosters: RostersService;
  attendance: AttendanceService;
}> = async (app, { attendance }) => {
  app.get('/duty/me', {
    config: { access: 'duty.self' },
    schema: { tags, response: { 200: MyDutyPageOut, ...errorResponses } },
    handler: async (req) => attendance.me(actorOf(req)),
  });
  app.get('/duty/check-in/:code', {
    config: { access: 'duty.self' },
    schema: { tags, params: CodeParams, response: { 200: CheckInPageOut, ...errorResponses } },
    handler: async (req) => attendance.checkInPage(actorOf(req), req.params.code),
  });
  // 202: made for a shift taken from the caller meanwhile, the entry is kept as a conflict.
  app.post('/duty/check-in', {
    config: { access: 'duty.self', idempotent: true },
    schema: { tags, body: AttendanceBody, response: { 200: MyDutyOut, 202: ConflictAnswerOut, ...errorResponses } },
    handler: async (req, reply) => answer(req.lang, reply, await attendance.checkIn(actorOf(req), callOf(req), req.body)),
  });
  app.post('/duty/check-out', {
    config: { access: 'duty.self', idempotent: true },
    schema: { tags, body: AttendanceBody, response: { 200: MyDutyOut, 202: ConflictAnswerOut, ...errorResponses } },
    handler: async (req, reply) => answer(req.lang, reply, await attendance.checkOut(actorOf(req), callOf(req), req.body)),
  });
  app.get('/duty/now', {
    config: { access: 'duty.read' },
    schema: { tags, querystring: DutyNowQuery, response: { 200: DutyNowOut, ...errorResponses } },
    handler: async (req) => attendance.now(actorOf(req), req.query),
  });
  app.get('/duty/absences', {
    config: { access: 'duty.read' },
    schema: { tags, querystring: AbsenceQuery, response: { 200: AbsenceList, ...errorResponses } },
    handler: async (req) => attendance.absences(actorOf(req), req.query),
  });
};
