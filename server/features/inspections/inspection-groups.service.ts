import type { Deps } from '../../platform/deps.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';

export type InspectionGroupsService = ReturnType<typeof inspectionGroupsService>;

/** Liaison and discipline inspection groups, whose members hold the inspector role over the group's area. */
export function inspectionGroupsService(_deps: Deps, _others: { regions: RegionsService; accounts: AccountsService }) {
  return {};
}
