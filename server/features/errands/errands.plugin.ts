import type { FastifyPluginAsync } from 'fastify';
import type { ErrandsService } from './errands.service.ts';

/** 红色代办: the resident's ordering page, dispatch to volunteers, purchase runs, settlement. */
export const errandsFeature: FastifyPluginAsync<{ errands: ErrandsService }> = async (app, { errands }) => {
  void app;
  void errands;
};
