import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
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
import type { AttendanceService } from './attendance.service.ts';
import type { RostersService } from './rosters.service.ts';

const tags = ['duty'];

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
  app.post('/duty/check-in', {
    config: { access: 'duty.self', idempotent: true },
    schema: { tags, body: AttendanceBody, response: { 200: MyDutyOut, ...errorResponses } },
    handler: async (req) => attendance.checkIn(actorOf(req), callOf(req), req.body),
  });
  app.post('/duty/check-out', {
    config: { access: 'duty.self', idempotent: true },
    schema: { tags, body: AttendanceBody, response: { 200: MyDutyOut, ...errorResponses } },
    handler: async (req) => attendance.checkOut(actorOf(req), callOf(req), req.body),
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
