import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ConflictAnswerOut } from '../sync/sync.schemas.ts';
import { conflictAnswer } from '../sync/sync.service.ts';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import {
  CardOut,
  EnterReportBody,
  HealthStatusOut,
  RemeasureBody,
  RemeasuredOut,
  ReportBody,
  ReportList,
  RevokedOut,
  SubmittedOut,
  TokenParams,
} from './health-reports.schemas.ts';
import type { HealthReportsService } from './health-reports.service.ts';
import type { ResidentTokensService } from './resident-tokens.service.ts';

const tags = ['health-reports'];

export const healthReportsRoutes: FastifyPluginAsyncTypebox<{
  healthReports: HealthReportsService;
  tokens: ResidentTokensService;
  windows: { morning: { from: string; to: string }; evening: { from: string; to: string } };
}> = async (app, { healthReports, tokens, windows }) => {
  app.post('/quarantine/cases/:id/card', {
    config: { access: 'quarantine.write' },
    schema: {
      tags,
      summary: 'A new personal link for the case’s card (answered once; the previous link stops working); audited',
      params: IdParams,
      response: { 200: CardOut, ...errorResponses },
    },
    handler: async (req) => {
      const { path, expiresAt, case: c } = await tokens.issue(actorOf(req), callOf(req), req.params.id);
      return {
        path,
        expiresAt,
        case: {
          id: c.id,
          ref: c.ref,
          personName: c.personName,
          regionName: c.regionName,
          startsOn: c.startsOn,
          endsOn: c.endsOn,
          planDays: c.planDays,
        },
        windows,
      };
    },
  });
  app.delete('/quarantine/cases/:id/card', {
    config: { access: 'quarantine.write' },
    schema: {
      tags,
      summary: 'Stop the case’s personal link',
      params: IdParams,
      response: { 200: RevokedOut, ...errorResponses },
    },
    handler: async (req) => tokens.revoke(actorOf(req), callOf(req), req.params.id),
  });
  app.get('/quarantine/cases/:id/reports', {
    config: { access: 'quarantine.read' },
    schema: {
      tags,
      summary: 'The case’s health reports (30 days)',
      params: IdParams,
      response: { 200: ReportList, ...errorResponses },
    },
    handler: async (req) => healthReports.list(actorOf(req), req.params.id),
  });
  app.post('/quarantine/cases/:id/reports', {
    config: { access: 'healthReports.enter', idempotent: true },
    schema: {
      tags,
      summary: 'Enter a report taken by phone, for the slot named',
      params: IdParams,
      body: EnterReportBody,
      response: { 201: SubmittedOut, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await healthReports.enter(actorOf(req), callOf(req), req.params.id, req.body)),
  });

  app.get('/h/:token', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The personal report page: today’s slots and the last reports (no account; rate limited per address)',
      security: [],
      params: TokenParams,
      response: { 200: HealthStatusOut, ...errorResponses },
    },
    handler: async (req) => healthReports.status(req.ip, req.params.token),
  });
  app.post('/h/:token/reports', {
    config: { access: 'public', idempotent: true },
    schema: {
      tags,
      summary: 'Report now: the slot follows from the time; a fever reading asks for a re-measure',
      security: [],
      params: TokenParams,
      body: ReportBody,
      // 202: made while the case was active, it arrived after the case closed: kept as a conflict.
      response: { 201: SubmittedOut, 202: ConflictAnswerOut, ...errorResponses },
    },
    handler: async (req, reply) => {
      const r = await healthReports.submit(req.ip, callOf(req), req.params.token, req.body);
      if ('conflict' in r) return reply.status(202).send(conflictAnswer(req.lang, r.conflict));
      return reply.status(201).send(r);
    },
  });
  app.post('/h/:token/reports/remeasure', {
    config: { access: 'public', idempotent: true },
    schema: {
      tags,
      summary: 'The second reading after a fever one',
      security: [],
      params: TokenParams,
      body: RemeasureBody,
      response: { 200: RemeasuredOut, ...errorResponses },
    },
    handler: async (req) => healthReports.remeasure(req.ip, callOf(req), req.params.token, req.body),
  });
};
