import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { checkpointsImportRoutes } from './checkpoints.import.routes.ts';
import { checkpointsRoutes } from './checkpoints.routes.ts';
import type { CheckpointsService } from './checkpoints.service.ts';

/** The checkpoint registry: checkpoints with their shift patterns, Excel, and the printable placard. */
export const checkpointsFeature: FastifyPluginAsync<{ deps: Deps; checkpoints: CheckpointsService }> = async (
  app,
  { deps, checkpoints },
) => {
  await app.register(checkpointsRoutes, { checkpoints });
  await app.register(checkpointsImportRoutes, { deps, excel: checkpoints.excel });
};
