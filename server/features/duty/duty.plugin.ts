import type { FastifyPluginAsync } from 'fastify';
import type { Deps } from '../../platform/deps.ts';
import type { AttendanceService } from './attendance.service.ts';
import type { RostersService } from './rosters.service.ts';

/** Duty: rosters (generate, edit, publish, swaps) and on-post attendance (check-in, absences, who is on duty). */
export const dutyFeature: FastifyPluginAsync<{
  deps: Deps;
  rosters: RostersService;
  attendance: AttendanceService;
}> = async () => {};
