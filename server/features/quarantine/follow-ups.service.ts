import type { Deps } from '../../platform/deps.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';

export type FollowUpsService = ReturnType<typeof followUpsService>;

/** Follow-up tasks for a community: people seen with a fever or arriving from a risk area. */
export function followUpsService(_deps: Deps, _others: { regions: RegionsService; accounts: AccountsService }) {
  return { jobs: [] as JobDefinition[] };
}
