import type { FastifyPluginAsync } from 'fastify';
import type { PassagesService } from './passages.service.ts';

/** The passage log: entry at the gate, lists, reveals and daily counts. */
export const passagesFeature: FastifyPluginAsync<{ passages: PassagesService }> = async () => {};
