import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import { attachment, xlsxResponse } from '../../platform/http/xlsx.ts';
import { GenerateBody, ListQuery, ReportList, ReportOut } from './daily-report.schemas.ts';
import type { DailyReportService } from './daily-report.service.ts';

const tags = ['reports'];

export const dailyReportRoutes: FastifyPluginAsyncTypebox<{ reports: DailyReportService }> = async (app, { reports }) => {
  app.get('/reports/daily', {
    config: { access: 'reports.read' },
    schema: {
      tags,
      summary: 'Daily reports in the caller’s area: the latest version of each region’s report per day, newest day first',
      querystring: ListQuery,
      response: { 200: ReportList, ...errorResponses },
    },
    handler: async (req) => reports.list(actorOf(req), req.query),
  });
  app.post('/reports/daily', {
    config: { access: 'reports.read', idempotent: true },
    schema: {
      tags,
      summary: 'Generate a region’s report for a day (today or earlier) now, as a new version',
      body: GenerateBody,
      response: { 201: ReportOut, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await reports.generate(actorOf(req), callOf(req), req.body)),
  });
  app.get('/reports/daily/:id', {
    config: { access: 'reports.read' },
    schema: {
      tags,
      summary: 'A report with its tables as generated, and the other versions of its region’s day',
      params: IdParams,
      response: { 200: ReportOut, ...errorResponses },
    },
    handler: async (req) => reports.get(actorOf(req), req.params.id),
  });
  app.get('/reports/daily/:id/xlsx', {
    config: { access: 'reports.read' },
    schema: {
      tags,
      summary: 'The report as an Excel file: one sheet per table, ready to print',
      params: IdParams,
      response: xlsxResponse,
    },
    handler: async (req, reply) => {
      const { file, name, asciiName } = await reports.workbook(actorOf(req), req.params.id);
      return attachment(reply, name, asciiName).send(file);
    },
  });
};
