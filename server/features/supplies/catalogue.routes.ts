import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import {
  CreateItemBody,
  CreateStoreBody,
  ItemList,
  MovementList,
  MovementQuery,
  StockList,
  StockQuery,
  StoreDetailOut,
  StoreList,
  StoreQuery,
  ThresholdsBody,
  UpdateItemBody,
  UpdateStoreBody,
} from './catalogue.schemas.ts';
import type { CatalogueService } from './catalogue.service.ts';
import { ItemIdParams, ItemOut } from './supplies.schemas.ts';

const tags = ['supplies'];

export const catalogueRoutes: FastifyPluginAsyncTypebox<{ catalogue: CatalogueService }> = async (app, { catalogue }) => {
  app.get('/supplies/items', {
    config: { access: 'supplies.read' },
    schema: {
      tags,
      summary: 'The item catalogue with units',
      querystring: Type.Object({ activeOnly: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: { 200: ItemList, ...errorResponses },
    },
    handler: async (req) => catalogue.items(actorOf(req), req.query.activeOnly ?? false),
  });
  app.post('/supplies/items', {
    config: { access: 'supplies.manage', idempotent: true },
    schema: {
      tags,
      summary: 'Add an item to the catalogue (a grant at the city)',
      body: CreateItemBody,
      response: { 201: ItemOut, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await catalogue.createItem(actorOf(req), callOf(req), req.body)),
  });
  app.patch('/supplies/items/:id', {
    config: { access: 'supplies.manage' },
    schema: {
      tags,
      summary: 'Rename an item or take it out of use (a grant at the city)',
      params: ItemIdParams,
      body: UpdateItemBody,
      response: { 200: ItemOut, ...errorResponses },
    },
    handler: async (req) => catalogue.updateItem(actorOf(req), callOf(req), req.params.id, req.body),
  });

  app.get('/supplies/stores', {
    config: { access: 'supplies.read' },
    schema: { tags, querystring: StoreQuery, response: { 200: StoreList, ...errorResponses } },
    handler: async (req) => catalogue.stores(actorOf(req), req.query),
  });
  app.post('/supplies/stores', {
    config: { access: 'supplies.manage', idempotent: true },
    schema: {
      tags,
      summary: 'Open a store at a city, county or community',
      body: CreateStoreBody,
      response: { 201: StoreDetailOut, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await catalogue.createStore(actorOf(req), callOf(req), req.body)),
  });
  app.get('/supplies/stores/:id', {
    config: { access: 'supplies.read' },
    schema: {
      tags,
      summary: 'A store with every item’s stock, threshold and low flag',
      params: IdParams,
      response: { 200: StoreDetailOut, ...errorResponses },
    },
    handler: async (req) => catalogue.store(actorOf(req), req.params.id),
  });
  app.patch('/supplies/stores/:id', {
    config: { access: 'supplies.manage' },
    schema: { tags, params: IdParams, body: UpdateStoreBody, response: { 200: StoreDetailOut, ...errorResponses } },
    handler: async (req) => catalogue.updateStore(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.put('/supplies/stores/:id/thresholds', {
    config: { access: 'supplies.manage' },
    schema: {
      tags,
      summary: 'Set (or clear) low-stock thresholds of a store’s items',
      params: IdParams,
      body: ThresholdsBody,
      response: { 200: StoreDetailOut, ...errorResponses },
    },
    handler: async (req) => catalogue.setThresholds(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.get('/supplies/stores/:id/movements', {
    config: { access: 'supplies.read' },
    schema: {
      tags,
      summary: 'A store’s movements, newest first (optionally of one item)',
      params: IdParams,
      querystring: MovementQuery,
      response: { 200: MovementList, ...errorResponses },
    },
    handler: async (req) => catalogue.movements(actorOf(req), req.params.id, req.query),
  });
  app.get('/supplies/stock', {
    config: { access: 'supplies.read' },
    schema: {
      tags,
      summary: 'Stock of the stores in scope: one store, a region’s stores, or the low items',
      querystring: StockQuery,
      response: { 200: StockList, ...errorResponses },
    },
    handler: async (req) => catalogue.stock(actorOf(req), req.query),
  });
};
