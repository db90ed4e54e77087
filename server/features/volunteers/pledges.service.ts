import type { Deps } from '../../platform/deps.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { UnitsService } from '../units/units.service.ts';
import type { VolunteersService } from './volunteers.service.ts';

export type PledgesService = ReturnType<typeof pledgesService>;

export function pledgesService(
  _deps: Deps,
  _others: { regions: RegionsService; units: UnitsService; accounts: AccountsService; volunteers: VolunteersService },
) {
  return {};
}
