import type { Deps } from '../../platform/deps.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { VolunteersService } from '../volunteers/volunteers.service.ts';

export type TeamsService = ReturnType<typeof teamsService>;

export function teamsService(_deps: Deps, _others: { regions: RegionsService; volunteers: VolunteersService }) {
  return {};
}
