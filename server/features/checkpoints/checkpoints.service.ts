import type { Deps } from '../../platform/deps.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { TeamsService } from '../teams/teams.service.ts';

export type CheckpointsService = ReturnType<typeof checkpointsService>;

export function checkpointsService(_deps: Deps, _others: { regions: RegionsService; teams: TeamsService }) {
  return {};
}
