import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../platform/deps.ts';
import type { AttendanceService } from './attendance.service.ts';
import type { RostersService } from './rosters.service.ts';

/** Placeholder: being built. */
export const attendanceRoutes: FastifyPluginAsyncTypebox<{
  deps: Deps;
  rosters: RostersService;
  attendance: AttendanceService;
}> = async () => {};
