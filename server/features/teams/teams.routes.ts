import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams, Ok } from '../../platform/http/schemas.ts';
import {
  AddMemberBody,
  BranchBody,
  CreateTeamBody,
  MemberOut,
  MemberParams,
  TeamDetailOut,
  TeamList,
  TeamOut,
  TeamQuery,
  UpdateMemberBody,
  UpdateTeamBody,
} from './teams.schemas.ts';
import type { TeamsService } from './teams.service.ts';

const tags = ['teams'];

export const teamsRoutes: FastifyPluginAsyncTypebox<{ teams: TeamsService }> = async (app, { teams }) => {
  app.get('/teams', {
    config: { access: 'teams.read' },
    schema: { tags, querystring: TeamQuery, response: { 200: TeamList, ...errorResponses } },
    handler: async (req) => teams.list(actorOf(req), req.query),
  });
  app.get('/teams/:id', {
    config: { access: 'teams.read' },
    schema: { tags, params: IdParams, response: { 200: TeamDetailOut, ...errorResponses } },
    handler: async (req) => teams.get(actorOf(req), req.params.id),
  });
  app.post('/teams', {
    config: { access: 'teams.write', idempotent: true },
    schema: { tags, body: CreateTeamBody, response: { 201: TeamOut, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await teams.create(actorOf(req), callOf(req), req.body)),
  });
  app.patch('/teams/:id', {
    config: { access: 'teams.write' },
    schema: { tags, params: IdParams, body: UpdateTeamBody, response: { 200: TeamOut, ...errorResponses } },
    handler: async (req) => teams.update(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.delete('/teams/:id', {
    config: { access: 'teams.write' },
    schema: { tags, params: IdParams, response: { 200: Ok, ...errorResponses } },
    handler: async (req) => {
      await teams.remove(actorOf(req), callOf(req), req.params.id);
      return { ok: true as const };
    },
  });

  app.put('/teams/:id/branch', {
    config: { access: 'teams.write' },
    schema: {
      tags,
      summary: 'Set up or change the temporary party branch (临时党支部)',
      params: IdParams,
      body: BranchBody,
      response: { 200: TeamOut, ...errorResponses },
    },
    handler: async (req) => teams.setBranch(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.delete('/teams/:id/branch', {
    config: { access: 'teams.write' },
    schema: {
      tags,
      summary: 'Dissolve the temporary party branch',
      params: IdParams,
      response: { 200: TeamOut, ...errorResponses },
    },
    handler: async (req) => teams.removeBranch(actorOf(req), callOf(req), req.params.id),
  });

  // teams.members: team leaders reach these for the teams they lead; the service checks which.
  app.post('/teams/:id/members', {
    config: { access: 'teams.members', idempotent: true },
    schema: { tags, params: IdParams, body: AddMemberBody, response: { 201: MemberOut, ...errorResponses } },
    handler: async (req, reply) =>
      reply.status(201).send(await teams.addMember(actorOf(req), callOf(req), req.params.id, req.body)),
  });
  app.patch('/teams/:id/members/:volunteerId', {
    config: { access: 'teams.members' },
    schema: { tags, params: MemberParams, body: UpdateMemberBody, response: { 200: MemberOut, ...errorResponses } },
    handler: async (req) => teams.updateMember(actorOf(req), callOf(req), req.params.id, req.params.volunteerId, req.body),
  });
  app.delete('/teams/:id/members/:volunteerId', {
    config: { access: 'teams.members' },
    schema: { tags, params: MemberParams, response: { 200: Ok, ...errorResponses } },
    handler: async (req) => {
      await teams.removeMember(actorOf(req), callOf(req), req.params.id, req.params.volunteerId);
      return { ok: true as const };
    },
  });
};
