import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams, Ok } from '../../platform/http/schemas.ts';
import {
  CreatePlaceBody,
  CreateScheduleBody,
  MyJobsOut,
  PlaceList,
  PlaceOut,
  PlacePickList,
  PlacePickQuery,
  PlaceQuery,
  ScheduleList,
  ScheduleOut,
  ScheduleQuery,
  UpdatePlaceBody,
  UpdateScheduleBody,
} from './disinfection.schemas.ts';
import type { PlacesService } from './places.service.ts';

const tags = ['disinfection'];

export const placesRoutes: FastifyPluginAsyncTypebox<{ places: PlacesService }> = async (app, { places }) => {
  app.get('/disinfection/places', {
    config: { access: 'disinfection.read' },
    schema: {
      tags,
      summary: 'Places to disinfect in scope, with active and overdue schedules and the last job',
      querystring: PlaceQuery,
      response: { 200: PlaceList, ...errorResponses },
    },
    handler: async (req) => places.list(actorOf(req), req.query),
  });
  app.post('/disinfection/places', {
    config: { access: 'disinfection.plan', idempotent: true },
    schema: { tags, body: CreatePlaceBody, response: { 201: PlaceOut, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await places.create(actorOf(req), callOf(req), req.body)),
  });
  app.get('/disinfection/places/:id', {
    config: { access: 'disinfection.read' },
    schema: { tags, params: IdParams, response: { 200: PlaceOut, ...errorResponses } },
    handler: async (req) => places.get(actorOf(req), req.params.id),
  });
  app.patch('/disinfection/places/:id', {
    config: { access: 'disinfection.plan' },
    schema: { tags, params: IdParams, body: UpdatePlaceBody, response: { 200: PlaceOut, ...errorResponses } },
    handler: async (req) => places.update(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.delete('/disinfection/places/:id', {
    config: { access: 'disinfection.plan' },
    schema: {
      tags,
      summary: 'Delete a place never logged at (with its schedules); one with logs is deactivated instead',
      params: IdParams,
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (req) => {
      await places.remove(actorOf(req), callOf(req), req.params.id);
      return { ok: true as const };
    },
  });
  app.get('/disinfection/my/places', {
    config: { access: 'disinfection.log' },
    schema: {
      tags,
      summary: 'Active places of the caller’s area, for the phone’s log form',
      querystring: PlacePickQuery,
      response: { 200: PlacePickList, ...errorResponses },
    },
    handler: async (req) => places.toPick(actorOf(req), req.query.q),
  });

  app.get('/disinfection/schedules', {
    config: { access: 'disinfection.read' },
    schema: {
      tags,
      summary: 'Recurring schedules in scope, overdue first, with days overdue',
      querystring: ScheduleQuery,
      response: { 200: ScheduleList, ...errorResponses },
    },
    handler: async (req) => places.schedules(actorOf(req), req.query),
  });
  app.post('/disinfection/schedules', {
    config: { access: 'disinfection.plan', idempotent: true },
    schema: {
      tags,
      summary: 'A place disinfected every N days by a team or a volunteer of its county',
      body: CreateScheduleBody,
      response: { 201: ScheduleOut, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await places.schedule(actorOf(req), callOf(req), req.body)),
  });
  app.patch('/disinfection/schedules/:id', {
    config: { access: 'disinfection.plan' },
    schema: {
      tags,
      summary: 'Change interval, next day or assignee; active false pauses, true resumes',
      params: IdParams,
      body: UpdateScheduleBody,
      response: { 200: ScheduleOut, ...errorResponses },
    },
    handler: async (req) => places.updateSchedule(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.get('/disinfection/my/jobs', {
    config: { access: 'disinfection.log' },
    schema: {
      tags,
      summary: 'Schedules given to the caller or their teams, overdue and due first',
      response: { 200: MyJobsOut, ...errorResponses },
    },
    handler: async (req) => places.myJobs(actorOf(req)),
  });
};
