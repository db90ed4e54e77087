import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { CheckpointsService } from './checkpoints.service.ts';

/** The checkpoint registry: checkpoints with their shift patterns, Excel, and the printable placard. */
export const checkpointsFeature: FastifyPluginAsync<{ deps: Deps; checkpoints: CheckpointsService }> = async () => {};
