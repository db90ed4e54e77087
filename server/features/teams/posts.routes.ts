import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams, Ok } from '../../platform/http/schemas.ts';
import { CreatePostBody, PostList, PostOut, PostQuery, UpdatePostBody } from './posts.schemas.ts';
import type { PostsService } from './posts.service.ts';

const tags = ['posts'];

export const postsRoutes: FastifyPluginAsyncTypebox<{ posts: PostsService }> = async (app, { posts }) => {
  app.get('/posts', {
    config: { access: 'teams.read' },
    schema: { tags, querystring: PostQuery, response: { 200: PostList, ...errorResponses } },
    handler: async (req) => posts.list(actorOf(req), req.query),
  });
  app.post('/posts', {
    config: { access: 'teams.write', idempotent: true },
    schema: { tags, body: CreatePostBody, response: { 201: PostOut, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await posts.create(actorOf(req), callOf(req), req.body)),
  });
  app.patch('/posts/:id', {
    config: { access: 'teams.write' },
    schema: { tags, params: IdParams, body: UpdatePostBody, response: { 200: PostOut, ...errorResponses } },
    handler: async (req) => posts.update(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.delete('/posts/:id', {
    config: { access: 'teams.write' },
    schema: { tags, params: IdParams, response: { 200: Ok, ...errorResponses } },
    handler: async (req) => {
      await posts.remove(actorOf(req), callOf(req), req.params.id);
      return { ok: true as const };
    },
  });
};
