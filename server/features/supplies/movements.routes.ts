import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import type { AllocationsService } from './allocations.service.ts';
import type { DonationsService } from './donations.service.ts';
import {
  AllocationList,
  AllocationOut,
  AllocationQuery,
  ConfirmBody,
  CreateAllocationBody,
  CreateDonationBody,
  CreateTransferBody,
  DonationList,
  DonationOut,
  DonationQuery,
  RevealedMobile,
  ToConfirmList,
  TransferList,
  TransferOut,
  TransferQuery,
} from './movements.schemas.ts';
import { ReverseBody } from './supplies.schemas.ts';
import type { TransfersService } from './transfers.service.ts';

const tags = ['supplies'];

export const movementsRoutes: FastifyPluginAsyncTypebox<{
  donations: DonationsService;
  allocations: AllocationsService;
  transfers: TransfersService;
}> = async (app, { donations, allocations, transfers }) => {
  app.post('/supplies/donations', {
    config: { access: 'supplies.move', idempotent: true },
    schema: {
      tags,
      summary: 'Receive a donation into a store',
      body: CreateDonationBody,
      response: { 201: DonationOut, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await donations.create(actorOf(req), callOf(req), req.body)),
  });
  app.get('/supplies/donations', {
    config: { access: 'supplies.read' },
    schema: { tags, querystring: DonationQuery, response: { 200: DonationList, ...errorResponses } },
    handler: async (req) => donations.list(actorOf(req), req.query),
  });
  app.get('/supplies/donations/:id', {
    config: { access: 'supplies.read' },
    schema: { tags, params: IdParams, response: { 200: DonationOut, ...errorResponses } },
    handler: async (req) => donations.get(actorOf(req), req.params.id),
  });
  app.post('/supplies/donations/:id/reveal', {
    config: { access: 'pii.reveal' },
    schema: {
      tags,
      summary: 'The donor’s mobile in full; audited',
      params: IdParams,
      response: { 200: RevealedMobile, ...errorResponses },
    },
    handler: async (req) => donations.reveal(actorOf(req), callOf(req), req.params.id),
  });
  app.post('/supplies/donations/:id/reverse', {
    config: { access: 'supplies.move' },
    schema: {
      tags,
      summary: 'Reverse a donation recorded by mistake (new movements; the original stays)',
      params: IdParams,
      body: ReverseBody,
      response: { 200: DonationOut, ...errorResponses },
    },
    handler: async (req) => donations.reverse(actorOf(req), callOf(req), req.params.id, req.body),
  });

  app.post('/supplies/allocations', {
    config: { access: 'supplies.move', idempotent: true },
    schema: {
      tags,
      summary: 'Send supplies from a store to a checkpoint, team, community or household',
      body: CreateAllocationBody,
      response: { 201: AllocationOut, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await allocations.create(actorOf(req), callOf(req), req.body)),
  });
  app.get('/supplies/allocations', {
    config: { access: 'supplies.read' },
    schema: { tags, querystring: AllocationQuery, response: { 200: AllocationList, ...errorResponses } },
    handler: async (req) => allocations.list(actorOf(req), req.query),
  });
  app.get('/supplies/allocations/to-confirm', {
    config: { access: 'supplies.confirm' },
    schema: {
      tags,
      summary: 'Allocations the caller may sign for now (待签收)',
      response: { 200: ToConfirmList, ...errorResponses },
    },
    handler: async (req) => allocations.toConfirm(actorOf(req)),
  });
  app.get('/supplies/allocations/:id', {
    config: { access: 'supplies.read' },
    schema: { tags, params: IdParams, response: { 200: AllocationOut, ...errorResponses } },
    handler: async (req) => allocations.get(actorOf(req), req.params.id),
  });
  app.post('/supplies/allocations/:id/confirm', {
    config: { access: 'supplies.confirm' },
    schema: {
      tags,
      summary: 'Sign for supplies received (once)',
      params: IdParams,
      body: ConfirmBody,
      response: { 200: AllocationOut, ...errorResponses },
    },
    handler: async (req) => allocations.confirm(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.post('/supplies/allocations/:id/reverse', {
    config: { access: 'supplies.move' },
    schema: {
      tags,
      summary: 'Take back an allocation sent by mistake, while it is not signed for',
      params: IdParams,
      body: ReverseBody,
      response: { 200: AllocationOut, ...errorResponses },
    },
    handler: async (req) => allocations.reverse(actorOf(req), callOf(req), req.params.id, req.body),
  });

  app.post('/supplies/transfers', {
    config: { access: 'supplies.move', idempotent: true },
    schema: {
      tags,
      summary: 'Move supplies from one store to another',
      body: CreateTransferBody,
      response: { 201: TransferOut, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await transfers.create(actorOf(req), callOf(req), req.body)),
  });
  app.get('/supplies/transfers', {
    config: { access: 'supplies.read' },
    schema: { tags, querystring: TransferQuery, response: { 200: TransferList, ...errorResponses } },
    handler: async (req) => transfers.list(actorOf(req), req.query),
  });
  app.post('/supplies/transfers/:id/reverse', {
    config: { access: 'supplies.move' },
    schema: {
      tags,
      summary: 'Reverse a transfer made by mistake',
      params: IdParams,
      body: ReverseBody,
      response: { 200: TransferOut, ...errorResponses },
    },
    handler: async (req) => transfers.reverse(actorOf(req), callOf(req), req.params.id, req.body),
  });
};
