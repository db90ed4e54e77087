import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import {
  CreateReturneeBody,
  MeasureBody,
  PersonRevealOut,
  ReturneeList,
  ReturneeOut,
  ReturneeQuery,
  UpdateReturneeBody,
} from './returnees.schemas.ts';
import type { ReturneesService } from './returnees.service.ts';

const tags = ['returnees'];

export const returneesRoutes: FastifyPluginAsyncTypebox<{ returnees: ReturneesService }> = async (app, { returnees }) => {
  app.get('/returnees', {
    config: { access: 'quarantine.read' },
    schema: {
      tags,
      summary: 'Returnees in the caller’s area, masked; awaiting a confirmed measure first',
      querystring: ReturneeQuery,
      response: { 200: ReturneeList, ...errorResponses },
    },
    handler: async (req) => returnees.list(actorOf(req), req.query),
  });
  app.post('/returnees', {
    config: { access: 'quarantine.write', idempotent: true },
    schema: {
      tags,
      summary: 'Register a returnee; the rules propose a measure. With followUpId, closes that follow-up task',
      body: CreateReturneeBody,
      response: { 201: ReturneeOut, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await returnees.create(actorOf(req), callOf(req), req.body)),
  });
  app.get('/returnees/:id', {
    config: { access: 'quarantine.read' },
    schema: { tags, params: IdParams, response: { 200: ReturneeOut, ...errorResponses } },
    handler: async (req) => returnees.get(actorOf(req), req.params.id),
  });
  app.patch('/returnees/:id', {
    config: { access: 'quarantine.write' },
    schema: {
      tags,
      summary: 'Correct a registration; a changed proposal needs confirming again',
      params: IdParams,
      body: UpdateReturneeBody,
      response: { 200: ReturneeOut, ...errorResponses },
    },
    handler: async (req) => returnees.update(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.post('/returnees/:id/measure', {
    config: { access: 'quarantine.write' },
    schema: {
      tags,
      summary: 'Confirm the proposed measure, or choose another with a reason',
      params: IdParams,
      body: MeasureBody,
      response: { 200: ReturneeOut, ...errorResponses },
    },
    handler: async (req) => returnees.decide(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.post('/returnees/:id/reveal', {
    config: { access: 'quarantine.reveal' },
    schema: {
      tags,
      summary: 'The name, ID number and mobile behind the masks; audited',
      params: IdParams,
      response: { 200: PersonRevealOut, ...errorResponses },
    },
    handler: async (req) => returnees.reveal(actorOf(req), callOf(req), req.params.id),
  });
};
