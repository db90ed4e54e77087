import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import { PLACARD_CSP } from '../checkpoints/checkpoints.placard.ts';
import {
  CommentBody,
  CreateFieldIssueBody,
  FieldIssueDetailOut,
  FieldIssueList,
  FieldIssueQuery,
  StatusBody,
  SummaryQuery,
  UpdateFieldIssueBody,
  VerifyBody,
} from './field-issues.schemas.ts';
import type { FieldIssuesService } from './field-issues.service.ts';
import { summaryPage } from './field-issues.summary.ts';

const tags = ['field-issues'];
const HTML_MIME = 'text/html';
const detail = { 200: FieldIssueDetailOut, ...errorResponses };

export const fieldIssuesRoutes: FastifyPluginAsyncTypebox<{ fieldIssues: FieldIssuesService }> = async (app, { fieldIssues }) => {
  app.get('/field-issues', {
    config: { access: 'fieldIssues.raise' },
    schema: { tags, querystring: FieldIssueQuery, response: { 200: FieldIssueList, ...errorResponses } },
    handler: async (req) => fieldIssues.list(actorOf(req), req.query),
  });
  app.get('/field-issues/summary', {
    config: { access: 'fieldIssues.read' },
    schema: {
      tags,
      summary: 'The printable public summary of a region’s issues: counts and outcomes, no personal data',
      querystring: SummaryQuery,
      produces: [HTML_MIME],
      response: {
        200: { description: 'Printable page (HTML, print CSS)', content: { [HTML_MIME]: { schema: Type.String() } } },
        ...errorResponses,
      },
    },
    handler: async (req, reply) => {
      const summary = await fieldIssues.summary(actorOf(req), req.query);
      return reply
        .type(`${HTML_MIME}; charset=utf-8`)
        .header('content-security-policy', PLACARD_CSP)
        .header('cache-control', 'no-store')
        .send(summaryPage(summary, req.lang));
    },
  });
  app.get('/field-issues/:id', {
    config: { access: 'fieldIssues.raise' },
    schema: { tags, params: IdParams, response: detail },
    handler: async (req) => fieldIssues.get(actorOf(req), req.params.id, req.lang),
  });
  app.post('/field-issues', {
    config: { access: 'fieldIssues.raise', idempotent: true },
    schema: { tags, body: CreateFieldIssueBody, response: { 201: FieldIssueDetailOut, ...errorResponses } },
    handler: async (req, reply) =>
      reply.status(201).send(await fieldIssues.create(actorOf(req), callOf(req), req.body, req.lang)),
  });
  app.patch('/field-issues/:id', {
    config: { access: 'fieldIssues.handle' },
    schema: { tags, params: IdParams, body: UpdateFieldIssueBody, response: detail },
    handler: async (req) => fieldIssues.update(actorOf(req), callOf(req), req.params.id, req.body, req.lang),
  });
  // A retried comment must not appear twice on the timeline.
  app.post('/field-issues/:id/comments', {
    config: { access: 'fieldIssues.raise', idempotent: true },
    schema: { tags, params: IdParams, body: CommentBody, response: detail },
    handler: async (req) => fieldIssues.comment(actorOf(req), callOf(req), req.params.id, req.body, req.lang),
  });
  app.post('/field-issues/:id/status', {
    config: { access: 'fieldIssues.handle' },
    schema: { tags, params: IdParams, body: StatusBody, response: detail },
    handler: async (req) => fieldIssues.setStatus(actorOf(req), callOf(req), req.params.id, req.body, req.lang),
  });
  app.post('/field-issues/:id/verify', {
    config: { access: 'fieldIssues.raise' },
    schema: { tags, params: IdParams, body: VerifyBody, response: detail },
    handler: async (req) => fieldIssues.verify(actorOf(req), callOf(req), req.params.id, req.body, req.lang),
  });
};
