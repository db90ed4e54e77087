import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import {
  AccountList,
  AccountOut,
  AccountQuery,
  CreateAccountBody,
  CreatedAccount,
  GrantInput,
  GrantParams,
  PasswordOut,
  RevealOut,
  UpdateAccountBody,
} from './accounts.schemas.ts';
import type { AccountsService } from './accounts.service.ts';

const tags = ['accounts'];

export const accountsRoutes: FastifyPluginAsyncTypebox<{ accounts: AccountsService }> = async (app, { accounts }) => {
  app.get('/accounts', {
    config: { access: 'accounts.read' },
    schema: { tags, querystring: AccountQuery, response: { 200: AccountList, ...errorResponses } },
    handler: async (req) => accounts.list(actorOf(req), req.query),
  });
  app.get('/accounts/:id', {
    config: { access: 'accounts.read' },
    schema: { tags, params: IdParams, response: { 200: AccountOut, ...errorResponses } },
    handler: async (req) => accounts.get(actorOf(req), req.params.id),
  });
  app.post('/accounts', {
    // The one-time password is never kept at rest: a replayed answer lacks it (reset instead).
    config: { access: 'accounts.write', idempotent: { omit: ['initialPassword'] } },
    schema: { tags, body: CreateAccountBody, response: { 201: CreatedAccount, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await accounts.create(actorOf(req), callOf(req), req.body)),
  });
  app.patch('/accounts/:id', {
    config: { access: 'accounts.write' },
    schema: { tags, params: IdParams, body: UpdateAccountBody, response: { 200: AccountOut, ...errorResponses } },
    handler: async (req) => accounts.update(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.post('/accounts/:id/disable', {
    config: { access: 'accounts.write' },
    schema: {
      tags,
      summary: 'Disable the account and end its sessions',
      params: IdParams,
      response: { 200: AccountOut, ...errorResponses },
    },
    handler: async (req) => accounts.setStatus(actorOf(req), callOf(req), req.params.id, 'disabled'),
  });
  app.post('/accounts/:id/enable', {
    config: { access: 'accounts.write' },
    schema: { tags, params: IdParams, response: { 200: AccountOut, ...errorResponses } },
    handler: async (req) => accounts.setStatus(actorOf(req), callOf(req), req.params.id, 'active'),
  });
  app.post('/accounts/:id/reset-password', {
    config: { access: 'accounts.write' },
    schema: {
      tags,
      summary: 'Set a one-time password, shown once; ends the account sessions',
      params: IdParams,
      response: { 200: PasswordOut, ...errorResponses },
    },
    handler: async (req) => accounts.resetPassword(actorOf(req), callOf(req), req.params.id),
  });
  app.post('/accounts/:id/grants', {
    config: { access: 'accounts.write' },
    schema: { tags, params: IdParams, body: GrantInput, response: { 200: AccountOut, ...errorResponses } },
    handler: async (req) => accounts.addGrant(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.delete('/accounts/:id/grants/:grantId', {
    config: { access: 'accounts.write' },
    schema: { tags, params: GrantParams, response: { 200: AccountOut, ...errorResponses } },
    handler: async (req) => accounts.removeGrant(actorOf(req), callOf(req), req.params.id, req.params.grantId),
  });
  app.post('/accounts/:id/reveal', {
    config: { access: 'pii.reveal' },
    schema: {
      tags,
      summary: 'The unmasked mobile number; audited',
      params: IdParams,
      response: { 200: RevealOut, ...errorResponses },
    },
    handler: async (req) => accounts.revealMobile(actorOf(req), callOf(req), req.params.id),
  });
};
