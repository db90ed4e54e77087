import type { Deps } from '../../platform/deps.ts';
import type { CheckpointsService } from '../checkpoints/checkpoints.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { TeamsService } from '../teams/teams.service.ts';
import type { VolunteersService } from '../volunteers/volunteers.service.ts';
import { logsService } from './logs.service.ts';
import { placesService } from './places.service.ts';

export type DisinfectionService = ReturnType<typeof disinfectionService>;
export type { HomeVisit, HomeVisitInput } from './logs.service.ts';

/** 卫生消杀: places and schedules, and the logs of the jobs done (isolated homes' visits included). */
export function disinfectionService(
  deps: Deps,
  others: { regions: RegionsService; volunteers: VolunteersService; teams: TeamsService; checkpoints: CheckpointsService },
) {
  const places = placesService(deps, others);
  const logs = logsService(deps, { volunteers: others.volunteers, places });
  return { places, logs };
}
