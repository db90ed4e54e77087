import type { Deps } from '../../platform/deps.ts';
import type { CheckpointsService } from '../checkpoints/checkpoints.service.ts';
import type { AttendanceService } from '../duty/attendance.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { TeamsService } from '../teams/teams.service.ts';
import type { VolunteersService } from '../volunteers/volunteers.service.ts';
import type { InspectionGroupsService } from './inspection-groups.service.ts';

export type InspectionsService = ReturnType<typeof inspectionsService>;

/** Inspection visits at checkpoints, coverage of an area and the day's round, absences found. */
export function inspectionsService(
  _deps: Deps,
  _others: {
    regions: RegionsService;
    volunteers: VolunteersService;
    teams: TeamsService;
    checkpoints: CheckpointsService;
    attendance: AttendanceService;
    groups: InspectionGroupsService;
  },
) {
  return {};
}
