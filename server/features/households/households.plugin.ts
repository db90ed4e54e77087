import type { FastifyPluginAsync } from 'fastify';

/** Households (一户一档) and door-to-door screening campaigns (入户排查). */
export const householdsFeature: FastifyPluginAsync<Record<string, never>> = async () => {};
