import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import {
  AssignCaseBody,
  AssigneesOut,
  AssigneesQuery,
  CaseDetailOut,
  CaseList,
  CasePersonOut,
  CaseQuery,
  ExtendCaseBody,
  OpenCaseBody,
  ReleaseCaseBody,
  ReleaseNoticeOut,
  SourcesOut,
  SourcesQuery,
  TransferCaseBody,
} from './cases.schemas.ts';
import type { CasesService } from './cases.service.ts';

const tags = ['isolation-cases'];
const detail = { 200: CaseDetailOut, ...errorResponses };

export const casesRoutes: FastifyPluginAsyncTypebox<{ cases: CasesService }> = async (app, { cases }) => {
  app.get('/quarantine/cases', {
    config: { access: 'quarantine.read' },
    schema: { tags, querystring: CaseQuery, response: { 200: CaseList, ...errorResponses } },
    handler: async (req) => cases.list(actorOf(req), req.query),
  });
  app.post('/quarantine/cases', {
    config: { access: 'quarantine.write', idempotent: true },
    schema: {
      tags,
      summary: 'Open a case for a returnee, a close contact or a person named here',
      body: OpenCaseBody,
      response: { 201: CaseDetailOut, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await cases.open(actorOf(req), callOf(req), req.body)),
  });
  app.get('/quarantine/assignees', {
    config: { access: 'quarantine.write' },
    schema: {
      tags,
      summary: 'Grid workers, medical observers and volunteers a case of this place may be given to; the plans',
      querystring: AssigneesQuery,
      response: { 200: AssigneesOut, ...errorResponses },
    },
    handler: async (req) => cases.assignees(actorOf(req), req.query.regionId),
  });
  app.get('/quarantine/case-sources', {
    config: { access: 'quarantine.write' },
    schema: {
      tags,
      summary: 'Returnees told to isolate at home and close contacts with no case yet (masked)',
      querystring: SourcesQuery,
      response: { 200: SourcesOut, ...errorResponses },
    },
    handler: async (req) => cases.sources(actorOf(req), req.query),
  });
  app.get('/quarantine/cases/:id', {
    config: { access: 'quarantine.read' },
    schema: { tags, params: IdParams, response: detail },
    handler: async (req) => cases.get(actorOf(req), req.params.id),
  });
  app.patch('/quarantine/cases/:id', {
    config: { access: 'quarantine.write' },
    schema: {
      tags,
      summary: 'Change the grid worker, medical observer or volunteer',
      params: IdParams,
      body: AssignCaseBody,
      response: detail,
    },
    handler: async (req) => cases.assign(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.post('/quarantine/cases/:id/reveal', {
    config: { access: 'quarantine.reveal' },
    schema: {
      tags,
      summary: 'The person behind the masks (needs quarantine.read too); audited',
      params: IdParams,
      response: { 200: CasePersonOut, ...errorResponses },
    },
    handler: async (req) => cases.reveal(actorOf(req), callOf(req), req.params.id),
  });
  app.post('/quarantine/cases/:id/extend', {
    config: { access: 'quarantine.write' },
    schema: { tags, summary: 'Move the last day later, with a reason', params: IdParams, body: ExtendCaseBody, response: detail },
    handler: async (req) => cases.extend(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.post('/quarantine/cases/:id/release', {
    config: { access: 'quarantine.write' },
    schema: {
      tags,
      summary: 'Release: normally from the last day with both of its reports normal; early with a reason',
      params: IdParams,
      body: ReleaseCaseBody,
      response: detail,
    },
    handler: async (req) => cases.release(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.post('/quarantine/cases/:id/transfer', {
    config: { access: 'quarantine.write' },
    schema: { tags, summary: 'Transferred to hospital', params: IdParams, body: TransferCaseBody, response: detail },
    handler: async (req) => cases.transfer(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.get('/quarantine/cases/:id/release-notice', {
    config: { access: 'quarantine.read' },
    schema: {
      tags,
      summary: 'What the printed release notice (解除隔离告知书) says; released cases only; audited',
      params: IdParams,
      response: { 200: ReleaseNoticeOut, ...errorResponses },
    },
    handler: async (req) => cases.releaseNotice(actorOf(req), callOf(req), req.params.id),
  });
};
