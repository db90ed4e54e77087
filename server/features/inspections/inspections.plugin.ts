import type { FastifyPluginAsync } from 'fastify';
import { inspectionGroupsRoutes } from './inspection-groups.routes.ts';
import type { InspectionGroupsService } from './inspection-groups.service.ts';
import { inspectionsRoutes } from './inspections.routes.ts';
import type { InspectionsService } from './inspections.service.ts';

/** Inspection groups and visits. */
export const inspectionsFeature: FastifyPluginAsync<{
  groups: InspectionGroupsService;
  inspections: InspectionsService;
}> = async (app, { groups, inspections }) => {
  await app.register(inspectionGroupsRoutes, { groups });
  await app.register(inspectionsRoutes, { inspections });
};
