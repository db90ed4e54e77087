import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import {
  AssignmentsBody,
  CampaignDetailOut,
  CampaignList,
  CampaignQuery,
  CoverageOut,
  CreateCampaignBody,
  CreateVisitBody,
  FieldCampaignList,
  FieldHouseholdList,
  GridParams,
  HouseholdSearchQuery,
  UpdateCampaignBody,
  VisitOut,
} from './screening.schemas.ts';
import type { ScreeningService } from './screening.service.ts';

const tags = ['screening'];
const Empty = Type.Object({}, { additionalProperties: false });

export const screeningRoutes: FastifyPluginAsyncTypebox<{ screening: ScreeningService }> = async (app, { screening }) => {
  // Every role holding screening.plan holds households.read too; the service admits either.
  app.get('/screening/campaigns', {
    config: { access: 'households.read' },
    schema: {
      tags,
      summary: 'Campaigns in scope, active first',
      querystring: CampaignQuery,
      response: { 200: CampaignList, ...errorResponses },
    },
    handler: async (req) => screening.list(actorOf(req), req.query),
  });
  app.get('/screening/campaigns/:id', {
    config: { access: 'households.read' },
    schema: {
      tags,
      summary: 'A campaign with every grid of its region and who visits it',
      params: IdParams,
      response: { 200: CampaignDetailOut, ...errorResponses },
    },
    handler: async (req) => screening.get(actorOf(req), req.params.id),
  });
  app.post('/screening/campaigns', {
    config: { access: 'screening.plan', idempotent: true },
    schema: { tags, body: CreateCampaignBody, response: { 201: CampaignDetailOut, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await screening.create(actorOf(req), callOf(req), req.body)),
  });
  app.patch('/screening/campaigns/:id', {
    config: { access: 'screening.plan' },
    schema: { tags, params: IdParams, body: UpdateCampaignBody, response: { 200: CampaignDetailOut, ...errorResponses } },
    handler: async (req) => screening.update(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.post('/screening/campaigns/:id/close', {
    config: { access: 'screening.plan' },
    schema: {
      tags,
      summary: 'Ends the campaign: no more visits',
      params: IdParams,
      body: Empty,
      response: { 200: CampaignDetailOut, ...errorResponses },
    },
    handler: async (req) => screening.close(actorOf(req), callOf(req), req.params.id),
  });
  app.put('/screening/campaigns/:id/assignments', {
    config: { access: 'screening.plan' },
    schema: {
      tags,
      summary: 'Replaces who visits which grid (a volunteer, a team, or both)',
      params: IdParams,
      body: AssignmentsBody,
      response: { 200: CampaignDetailOut, ...errorResponses },
    },
    handler: async (req) => screening.setAssignments(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.get('/screening/campaigns/:id/coverage', {
    config: { access: 'households.read' },
    schema: {
      tags,
      summary: 'Households, visits and findings per region from the campaign region down to its grids',
      params: IdParams,
      response: { 200: CoverageOut, ...errorResponses },
    },
    handler: async (req) => screening.coverage(actorOf(req), req.params.id),
  });
  app.get('/screening/field/campaigns', {
    config: { access: 'screening.visit' },
    schema: {
      tags,
      summary: "The caller's running campaigns and the grids they visit, with progress",
      response: { 200: FieldCampaignList, ...errorResponses },
    },
    handler: async (req) => ({ items: await screening.fieldCampaigns(actorOf(req)) }),
  });
  app.get('/screening/campaigns/:id/grids/:gridId/households', {
    config: { access: 'screening.visit' },
    schema: {
      tags,
      summary:
        "A page of a grid's households in door-plate order with their state in the campaign (not visited, revisit due, done), and counts per state",
      params: GridParams,
      querystring: HouseholdSearchQuery,
      response: { 200: FieldHouseholdList, ...errorResponses },
    },
    handler: async (req) => screening.gridHouseholds(actorOf(req), req.params.id, req.params.gridId, req.query),
  });
  app.post('/screening/campaigns/:id/visits', {
    config: { access: 'screening.visit', idempotent: true },
    schema: { tags, params: IdParams, body: CreateVisitBody, response: { 201: VisitOut, ...errorResponses } },
    handler: async (req, reply) =>
      reply.status(201).send(await screening.visit(actorOf(req), callOf(req), req.params.id, req.body)),
  });
};
