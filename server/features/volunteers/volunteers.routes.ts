import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import {
  CommendationBody,
  CreateVolunteerBody,
  RevealOut,
  ServiceRecordItemOut,
  ServiceRecordOut,
  StatusBody,
  UpdateVolunteerBody,
  VolunteerList,
  VolunteerOut,
  VolunteerQuery,
} from './volunteers.schemas.ts';
import type { VolunteersService } from './volunteers.service.ts';

const tags = ['volunteers'];

/** The registry's JSON routes; the spreadsheet routes are in volunteers.import.routes.ts (raw .xlsx bodies). */
export const volunteersRoutes: FastifyPluginAsyncTypebox<{ volunteers: VolunteersService }> = async (app, { volunteers }) => {
  app.get('/volunteers', {
    config: { access: 'volunteers.read' },
    schema: {
      tags,
      summary: 'Search the volunteer registry (mobile: a tail of 4–11 digits, as the masked number shows)',
      querystring: VolunteerQuery,
      response: { 200: VolunteerList, ...errorResponses },
    },
    handler: async (req) => volunteers.list(actorOf(req), req.query),
  });
  app.get('/volunteers/:id', {
    config: { access: 'volunteers.read' },
    schema: { tags, params: IdParams, response: { 200: VolunteerOut, ...errorResponses } },
    handler: async (req) => volunteers.get(actorOf(req), req.params.id),
  });
  app.post('/volunteers', {
    config: { access: 'volunteers.write', idempotent: true },
    schema: { tags, body: CreateVolunteerBody, response: { 201: VolunteerOut, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await volunteers.create(actorOf(req), callOf(req), req.body)),
  });
  app.patch('/volunteers/:id', {
    config: { access: 'volunteers.write' },
    schema: { tags, params: IdParams, body: UpdateVolunteerBody, response: { 200: VolunteerOut, ...errorResponses } },
    handler: async (req) => volunteers.update(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.post('/volunteers/:id/status', {
    config: { access: 'volunteers.write' },
    schema: {
      tags,
      summary: 'Change the status (paused and withdrawn need a reason); kept in the status history',
      params: IdParams,
      body: StatusBody,
      response: { 200: VolunteerOut, ...errorResponses },
    },
    handler: async (req) => volunteers.setStatus(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.post('/volunteers/:id/reveal', {
    config: { access: 'pii.reveal' },
    schema: {
      tags,
      summary: 'The full ID number and mobile (needs volunteers.read too); audited',
      params: IdParams,
      response: { 200: RevealOut, ...errorResponses },
    },
    handler: async (req) => volunteers.reveal(actorOf(req), callOf(req), req.params.id),
  });
  app.get('/volunteers/:id/service-record', {
    config: { access: 'volunteers.read' },
    schema: { tags, params: IdParams, response: { 200: ServiceRecordOut, ...errorResponses } },
    handler: async (req) => volunteers.serviceRecord(actorOf(req), req.params.id),
  });
  app.post('/volunteers/:id/commendations', {
    config: { access: 'volunteers.write', idempotent: true },
    schema: { tags, params: IdParams, body: CommendationBody, response: { 201: ServiceRecordItemOut, ...errorResponses } },
    handler: async (req, reply) =>
      reply.status(201).send(await volunteers.commend(actorOf(req), callOf(req), req.params.id, req.body)),
  });
};
