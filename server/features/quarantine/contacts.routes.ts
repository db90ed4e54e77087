import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import { ContactList, ContactOut, ContactQuery, CreateContactBody, UpdateContactBody } from './contacts.schemas.ts';
import type { ContactsService } from './contacts.service.ts';
import { PersonRevealOut } from './returnees.schemas.ts';

const tags = ['contacts'];

export const contactsRoutes: FastifyPluginAsyncTypebox<{ contacts: ContactsService }> = async (app, { contacts }) => {
  app.get('/contacts', {
    config: { access: 'quarantine.read' },
    schema: {
      tags,
      summary: 'Close contacts in the caller’s area, masked; latest exposure first',
      querystring: ContactQuery,
      response: { 200: ContactList, ...errorResponses },
    },
    handler: async (req) => contacts.list(actorOf(req), req.query),
  });
  app.post('/contacts', {
    config: { access: 'quarantine.write', idempotent: true },
    schema: { tags, body: CreateContactBody, response: { 201: ContactOut, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await contacts.create(actorOf(req), callOf(req), req.body)),
  });
  app.get('/contacts/:id', {
    config: { access: 'quarantine.read' },
    schema: { tags, params: IdParams, response: { 200: ContactOut, ...errorResponses } },
    handler: async (req) => contacts.get(actorOf(req), req.params.id),
  });
  app.patch('/contacts/:id', {
    config: { access: 'quarantine.write' },
    schema: { tags, params: IdParams, body: UpdateContactBody, response: { 200: ContactOut, ...errorResponses } },
    handler: async (req) => contacts.update(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.post('/contacts/:id/reveal', {
    config: { access: 'quarantine.reveal' },
    schema: {
      tags,
      summary: 'The name, ID number and mobile behind the masks; audited',
      params: IdParams,
      response: { 200: PersonRevealOut, ...errorResponses },
    },
    handler: async (req) => contacts.reveal(actorOf(req), callOf(req), req.params.id),
  });
};
