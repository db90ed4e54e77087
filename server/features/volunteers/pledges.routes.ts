import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams, Ok } from '../../platform/http/schemas.ts';
import { translate } from '../../platform/i18n.ts';
import {
  BulkDecisionBody,
  BulkDecisionOut,
  DecisionBody,
  DecisionOut,
  PledgeFormOut,
  PledgeList,
  PledgeOut,
  PledgeQuery,
  PledgeRevealOut,
  PledgeStatusOut,
  PutQuotaBody,
  QuotaList,
  QuotaOut,
  StatusParams,
  SubmitPledgeBody,
  SubmittedOut,
} from './pledges.schemas.ts';
import type { PledgesService } from './pledges.service.ts';

const tags = ['pledges'];

export const pledgesRoutes: FastifyPluginAsyncTypebox<{ pledges: PledgesService }> = async (app, { pledges }) => {
  app.get('/pledges/form', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'What the public pledge page offers: the region tree and the listed work units',
      response: { 200: PledgeFormOut, ...errorResponses },
    },
    handler: async () => pledges.form(),
  });

  app.post('/pledges', {
    // The status token is a secret shown once: a replayed answer does not carry it.
    config: { access: 'public', idempotent: { omit: ['statusToken'] } },
    schema: {
      tags,
      summary: 'Submit a pledge (no account; rate limited per address)',
      security: [],
      body: SubmitPledgeBody,
      response: { 201: SubmittedOut, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await pledges.submit(callOf(req), req.ip, req.body)),
  });

  app.get('/pledges/status/:token', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The submitter’s status page, by the token given at submission',
      security: [],
      params: StatusParams,
      response: { 200: PledgeStatusOut, ...errorResponses },
    },
    handler: async (req) => pledges.status(req.ip, req.params.token),
  });

  app.get('/pledges', {
    config: { access: 'pledges.review' },
    schema: { tags, querystring: PledgeQuery, response: { 200: PledgeList, ...errorResponses } },
    handler: async (req) => pledges.list(actorOf(req), req.query),
  });

  app.get('/pledges/:id', {
    config: { access: 'pledges.review' },
    schema: { tags, params: IdParams, response: { 200: PledgeOut, ...errorResponses } },
    handler: async (req) => pledges.get(actorOf(req), req.params.id),
  });

  app.post('/pledges/:id/decision', {
    config: { access: 'pledges.review' },
    schema: {
      tags,
      summary: 'Approve (creating the volunteer, and an account when asked), reject or waitlist',
      params: IdParams,
      body: DecisionBody,
      response: { 200: DecisionOut, ...errorResponses },
    },
    handler: async (req) => pledges.decide(actorOf(req), callOf(req), req.params.id, req.body),
  });

  app.post('/pledges/decisions', {
    config: { access: 'pledges.review' },
    schema: {
      tags,
      summary: 'Decide many pledges, each on its own: the answer says how each one went',
      body: BulkDecisionBody,
      response: { 200: BulkDecisionOut, ...errorResponses },
    },
    handler: async (req) => {
      const outcomes = await pledges.decideMany(actorOf(req), callOf(req), req.body);
      return {
        results: outcomes.map(({ error, ...rest }) =>
          error ? { ...rest, error: { code: error.code, message: translate(req.lang, error.code, error.params) } } : rest,
        ),
      };
    },
  });

  app.post('/pledges/:id/reveal', {
    config: { access: 'pii.reveal' },
    schema: {
      tags,
      summary: 'The unmasked ID number and mobile; audited',
      params: IdParams,
      response: { 200: PledgeRevealOut, ...errorResponses },
    },
    handler: async (req) => pledges.reveal(actorOf(req), callOf(req), req.params.id),
  });

  app.get('/pledge-quotas', {
    config: { access: 'pledges.review' },
    schema: { tags, response: { 200: QuotaList, ...errorResponses } },
    handler: async (req) => pledges.quotas(actorOf(req)),
  });

  app.put('/pledge-quotas', {
    config: { access: 'pledges.review' },
    schema: {
      tags,
      summary: 'Set the quota of a unit or of a region (exactly one of unitId, regionId)',
      body: PutQuotaBody,
      response: { 200: QuotaOut, ...errorResponses },
    },
    handler: async (req) => pledges.putQuota(actorOf(req), callOf(req), req.body),
  });

  app.delete('/pledge-quotas/:id', {
    config: { access: 'pledges.review' },
    schema: { tags, params: IdParams, response: { 200: Ok, ...errorResponses } },
    handler: async (req) => {
      await pledges.removeQuota(actorOf(req), callOf(req), req.params.id);
      return { ok: true as const };
    },
  });
};
