import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import { attendanceRoutes } from './attendance.routes.ts';
import type { AttendanceService } from './attendance.service.ts';
import { rostersRoutes } from './rosters.routes.ts';
import type { RostersService } from './rosters.service.ts';
import { swapsRoutes } from './swaps.routes.ts';

/** Duty: rosters (generate, edit, publish, swaps) and on-post attendance (check-in, absences, who is on duty). */
export const dutyFeature: FastifyPluginAsync<{ deps: Deps; rosters: RostersService; attendance: AttendanceService }> = async (
  app,
  services,
) => {
  await app.register(rostersRoutes, services);
  await app.register(swapsRoutes, services);
  await app.register(attendanceRoutes, services);
};
