import type { Deps } from '../../platform/deps.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import type { FieldIssuesService } from '../field-issues/field-issues.service.ts';
import type { HouseholdsService } from '../households/households.service.ts';
import type { AnnouncementsService } from '../publicity/announcements.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { VolunteersService } from '../volunteers/volunteers.service.ts';
import { dispatchService } from './dispatch.service.ts';
import { errandLinksService } from './errand-links.service.ts';
import { escalationService } from './escalation.service.ts';
import { ordersService } from './orders.service.ts';
import { postsService } from './posts.service.ts';
import { runsService } from './runs.service.ts';
import { errandLedgerService } from './ledger.service.ts';
import { numbersService } from './numbers.service.ts';
import { settlementService } from './settlement.service.ts';
import { shopsService } from './shops.service.ts';

export type ErrandsService = ReturnType<typeof errandsService>;

/** 红色代办: posts, shops and goods; orders; dispatch and delivery; purchase runs and settlement. */
export function errandsService(
  deps: Deps,
  others: {
    regions: RegionsService;
    volunteers: VolunteersService;
    accounts: AccountsService;
    households: HouseholdsService;
    fieldIssues: FieldIssuesService;
    announcements: AnnouncementsService;
  },
) {
  const { regions } = others;
  const posts = postsService(deps, { regions });
  const links = errandLinksService(deps, { households: others.households, posts, announcements: others.announcements });
  const orders = ordersService(deps, { regions, households: others.households, posts, links, fieldIssues: others.fieldIssues });
  const dispatch = dispatchService(deps, { volunteers: others.volunteers });
  return {
    posts,
    shops: shopsService(deps, { regions }),
    links,
    orders,
    dispatch,
    escalation: escalationService(deps, { accounts: others.accounts, dispatch }),
    runs: runsService(deps, { regions }),
    settlement: settlementService(deps, { regions }),
    numbers: numbersService(deps, { regions }),
    ledger: errandLedgerService(deps, { regions }),
  };
}
