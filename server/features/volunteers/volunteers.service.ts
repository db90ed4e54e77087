import type { Deps } from '../../platform/deps.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { UnitsService } from '../units/units.service.ts';

export type VolunteersService = ReturnType<typeof volunteersService>;

export function volunteersService(_deps: Deps, _others: { regions: RegionsService; units: UnitsService }) {
  return {};
}
