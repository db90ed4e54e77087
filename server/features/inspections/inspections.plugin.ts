import type { FastifyPluginAsync } from 'fastify';
import type { InspectionGroupsService } from './inspection-groups.service.ts';
import type { InspectionsService } from './inspections.service.ts';

/** Inspection groups and visits. */
export const inspectionsFeature: FastifyPluginAsync<{
  groups: InspectionGroupsService;
  inspections: InspectionsService;
}> = async () => {};
