import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import type { OrdersService } from './orders.service.ts';
import { GoodsList } from './orders.schemas.ts';
import {
  CreatePostBody,
  CreateShopBody,
  PostList,
  PostOut,
  PostQuery,
  ShopList,
  ShopOut,
  ShopQuery,
  UpdatePostBody,
  UpdateShopBody,
} from './posts.schemas.ts';
import type { PostsService } from './posts.service.ts';
import type { ShopsService } from './shops.service.ts';

const tags = ['errands'];

/** 代办岗, shops and the goods catalogue. */
export const postsRoutes: FastifyPluginAsyncTypebox<{ posts: PostsService; shops: ShopsService; orders: OrdersService }> = async (
  app,
  { posts, shops, orders },
) => {
  app.get('/errands/goods', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'The catalogue of common goods with units and the most one order may ask for',
      response: { 200: GoodsList, ...errorResponses },
    },
    handler: async () => ({ items: await orders.goods() }),
  });

  app.get('/errands/posts', {
    config: { access: 'errands.read' },
    schema: {
      tags,
      summary: 'Errand posts (代办岗) in scope',
      querystring: PostQuery,
      response: { 200: PostList, ...errorResponses },
    },
    handler: async (req) => posts.list(actorOf(req), req.query),
  });
  app.get('/errands/posts/:id', {
    config: { access: 'errands.read' },
    schema: { tags, summary: 'One errand post', params: IdParams, response: { 200: PostOut, ...errorResponses } },
    handler: async (req) => posts.get(actorOf(req), req.params.id),
  });
  app.post('/errands/posts', {
    config: { access: 'errands.manage', idempotent: true },
    schema: {
      tags,
      summary: 'Set up a post for a grid or a community, staffed by a team of its county',
      body: CreatePostBody,
      response: { 201: PostOut, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await posts.create(actorOf(req), callOf(req), req.body)),
  });
  app.patch('/errands/posts/:id', {
    config: { access: 'errands.manage' },
    schema: {
      tags,
      summary: 'Change a post: its team, name, duty phone, response time; close it',
      params: IdParams,
      body: UpdatePostBody,
      response: { 200: PostOut, ...errorResponses },
    },
    handler: async (req) => posts.update(actorOf(req), callOf(req), req.params.id, req.body),
  });

  app.get('/errands/shops', {
    config: { access: 'errands.read' },
    schema: {
      tags,
      summary: 'Shops communities buy from',
      querystring: ShopQuery,
      response: { 200: ShopList, ...errorResponses },
    },
    handler: async (req) => shops.list(actorOf(req), req.query),
  });
  app.post('/errands/shops', {
    config: { access: 'errands.manage', idempotent: true },
    schema: { tags, summary: 'Add a shop to a community', body: CreateShopBody, response: { 201: ShopOut, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await shops.create(actorOf(req), callOf(req), req.body)),
  });
  app.patch('/errands/shops/:id', {
    config: { access: 'errands.manage' },
    schema: {
      tags,
      summary: 'Change a shop; make it the community’s default; close it',
      params: IdParams,
      body: UpdateShopBody,
      response: { 200: ShopOut, ...errorResponses },
    },
    handler: async (req) => shops.update(actorOf(req), callOf(req), req.params.id, req.body),
  });
};
