import type { Deps } from '../../platform/deps.ts';
import type { CheckpointsService } from '../checkpoints/checkpoints.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { TeamsService } from '../teams/teams.service.ts';
import type { VolunteersService } from '../volunteers/volunteers.service.ts';

export type RostersService = ReturnType<typeof rostersService>;

export function rostersService(
  _deps: Deps,
  _others: { regions: RegionsService; volunteers: VolunteersService; teams: TeamsService; checkpoints: CheckpointsService },
) {
  return {};
}
