import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams, Ok } from '../../platform/http/schemas.ts';
import {
  CreateRiskAreaBody,
  DivisionList,
  DivisionOut,
  DivisionParams,
  DivisionQuery,
  RiskAreaList,
  RiskAreaOut,
  RiskAreaQuery,
  UpdateRiskAreaBody,
} from './risk-areas.schemas.ts';
import type { RiskAreasService } from './risk-areas.service.ts';

const tags = ['risk-areas'];

export const riskAreasRoutes: FastifyPluginAsyncTypebox<{ riskAreas: RiskAreasService }> = async (app, { riskAreas }) => {
  app.get('/divisions', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Provinces, cities and counties (GB/T 2260) by name or code, or the ones under a division',
      querystring: DivisionQuery,
      response: { 200: DivisionList, ...errorResponses },
    },
    handler: async (req) => ({ items: riskAreas.divisions(req.query) }),
  });
  app.get('/divisions/:code', {
    config: { access: 'authenticated' },
    schema: { tags, params: DivisionParams, response: { 200: DivisionOut, ...errorResponses } },
    handler: async (req) => riskAreas.getDivision(req.params.code),
  });

  app.get('/risk-areas', {
    config: { access: 'authenticated' },
    schema: { tags, querystring: RiskAreaQuery, response: { 200: RiskAreaList, ...errorResponses } },
    handler: async (req) => riskAreas.list(req.query),
  });
  app.post('/risk-areas', {
    config: { access: 'riskAreas.write', idempotent: true },
    schema: { tags, body: CreateRiskAreaBody, response: { 201: RiskAreaOut, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await riskAreas.create(actorOf(req), callOf(req), req.body)),
  });
  app.patch('/risk-areas/:id', {
    config: { access: 'riskAreas.write' },
    schema: { tags, params: IdParams, body: UpdateRiskAreaBody, response: { 200: RiskAreaOut, ...errorResponses } },
    handler: async (req) => riskAreas.update(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.delete('/risk-areas/:id', {
    config: { access: 'riskAreas.write' },
    schema: { tags, params: IdParams, response: { 200: Ok, ...errorResponses } },
    handler: async (req) => {
      await riskAreas.remove(actorOf(req), callOf(req), req.params.id);
      return { ok: true as const };
    },
  });
};
