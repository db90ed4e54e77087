import type { Deps } from '../../platform/deps.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { VolunteersService } from '../volunteers/volunteers.service.ts';
import { dispatchService } from './dispatch.service.ts';
import { escalationService } from './escalation.service.ts';
import { runsService } from './runs.service.ts';
import { settlementService } from './settlement.service.ts';

export type ErrandsService = ReturnType<typeof errandsService>;

/** 红色代办: posts, shops and goods; orders; dispatch and delivery; purchase runs and settlement. */
export function errandsService(
  deps: Deps,
  others: { regions: RegionsService; volunteers: VolunteersService; accounts: AccountsService },
) {
  const { regions } = others;
  const dispatch = dispatchService(deps, { volunteers: others.volunteers });
  return {
    dispatch,
    escalation: escalationService(deps, { accounts: others.accounts, dispatch }),
    runs: runsService(deps, { regions }),
    settlement: settlementService(deps, { regions }),
  };
}
