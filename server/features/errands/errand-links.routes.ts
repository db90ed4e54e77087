import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import { ResidentAnnouncementList } from '../publicity/announcements.schemas.ts';
import {
  ComplaintBody,
  ErrandPageOut,
  IssuedLinkOut,
  LinkOrderParams,
  LinkStateOut,
  LinkTokenParams,
  RatingBody,
  RevokedOut,
  SubmittedOrderOut,
} from './errand-links.schemas.ts';
import type { ErrandLinksService } from './errand-links.service.ts';
import { PublicOrderOut, ResidentOrderBody } from './orders.schemas.ts';
import type { OrdersService } from './orders.service.ts';

const tags = ['errands'];

/**
 * The household's errand link (staff issue, reprint and revoke it) and the resident's ordering
 * page behind it: no account, rate limited per address like the health page.
 */
export const errandLinksRoutes: FastifyPluginAsyncTypebox<{ links: ErrandLinksService; orders: OrdersService }> = async (
  app,
  { links, orders },
) => {
  app.get('/errands/households/:id/link', {
    config: { access: 'errands.manage' },
    schema: {
      tags,
      summary: 'Whether the household has a live errand link',
      params: IdParams,
      response: { 200: LinkStateOut, ...errorResponses },
    },
    handler: async (req) => links.state(actorOf(req), req.params.id),
  });
  app.post('/errands/households/:id/link', {
    config: { access: 'errands.manage', idempotent: true },
    schema: {
      tags,
      summary: 'Issue (or reprint) the household’s errand link for its card; the old link stops working',
      params: IdParams,
      response: { 201: IssuedLinkOut, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await links.issue(actorOf(req), callOf(req), req.params.id)),
  });
  app.delete('/errands/households/:id/link', {
    config: { access: 'errands.manage' },
    schema: {
      tags,
      summary: 'Revoke the household’s errand link',
      params: IdParams,
      response: { 200: RevokedOut, ...errorResponses },
    },
    handler: async (req) => links.revoke(actorOf(req), callOf(req), req.params.id),
  });

  app.get('/e/:token', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The resident’s errand page: goods, the post, the limits and recent orders (household or health link)',
      security: [],
      params: LinkTokenParams,
      response: { 200: ErrandPageOut, ...errorResponses },
    },
    handler: async (req) => orders.page(req.ip, req.params.token),
  });
  app.get('/e/:token/announcements', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Current announcements for the region the link orders for and the regions above it',
      security: [],
      params: LinkTokenParams,
      response: { 200: ResidentAnnouncementList, ...errorResponses },
    },
    handler: async (req) => links.announcements(req.ip, req.params.token),
  });
  app.post('/e/:token/orders', {
    config: { access: 'public', idempotent: true },
    schema: {
      tags,
      summary: 'Order: answers at once with the order number and its status page',
      security: [],
      params: LinkTokenParams,
      body: ResidentOrderBody,
      response: { 201: SubmittedOrderOut, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await orders.submit(req.ip, callOf(req), req.params.token, req.body)),
  });
  app.get('/e/:token/orders/:id', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'One of the household’s orders with every step',
      security: [],
      params: LinkOrderParams,
      response: { 200: PublicOrderOut, ...errorResponses },
    },
    handler: async (req) => orders.status(req.ip, req.params.token, req.params.id),
  });
  app.post('/e/:token/orders/:id/confirm', {
    config: { access: 'public', idempotent: true },
    schema: {
      tags,
      summary: 'Confirm the order arrived',
      security: [],
      params: LinkOrderParams,
      response: { 200: PublicOrderOut, ...errorResponses },
    },
    handler: async (req) => orders.confirm(req.ip, callOf(req), req.params.token, req.params.id),
  });
  app.post('/e/:token/orders/:id/rating', {
    config: { access: 'public', idempotent: true },
    schema: {
      tags,
      summary: 'Rate the errand (1–5) with a comment',
      security: [],
      params: LinkOrderParams,
      body: RatingBody,
      response: { 200: PublicOrderOut, ...errorResponses },
    },
    handler: async (req) => orders.rate(req.ip, callOf(req), req.params.token, req.params.id, req.body),
  });
  app.post('/e/:token/orders/:id/complaint', {
    config: { access: 'public', idempotent: true },
    schema: {
      tags,
      summary: 'Complain: opens an issue in the issue ledger, owned by the community',
      security: [],
      params: LinkOrderParams,
      body: ComplaintBody,
      response: { 200: PublicOrderOut, ...errorResponses },
    },
    handler: async (req) => orders.complain(req.ip, callOf(req), req.params.token, req.params.id, req.body),
  });
};
