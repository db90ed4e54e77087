import type { Deps } from '../../platform/deps.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import type { CheckpointsService } from '../checkpoints/checkpoints.service.ts';
import type { HouseholdsService } from '../households/households.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { TeamsService } from '../teams/teams.service.ts';
import { allocationsService } from './allocations.service.ts';
import { catalogueService } from './catalogue.service.ts';
import { donationsService } from './donations.service.ts';
import { ledgerService } from './ledger.service.ts';
import { stockEngine } from './stock.engine.ts';
import { transfersService } from './transfers.service.ts';

export type SuppliesService = ReturnType<typeof suppliesService>;

/** 物资: the catalogue and stores, donations in, allocations out, transfers, and the public ledger. */
export function suppliesService(
  deps: Deps,
  others: {
    regions: RegionsService;
    accounts: AccountsService;
    checkpoints: CheckpointsService;
    teams: TeamsService;
    households: HouseholdsService;
  },
) {
  const { regions, accounts, checkpoints, teams, households } = others;
  const engine = stockEngine(deps, { accounts });
  const catalogue = catalogueService(deps, { regions, accounts, engine });
  return {
    catalogue,
    donations: donationsService(deps, { regions, catalogue, engine }),
    allocations: allocationsService(deps, { regions, catalogue, engine, checkpoints, teams, households }),
    transfers: transfersService(deps, { regions, catalogue, engine }),
    ledger: ledgerService(deps, { regions }),
  };
}
