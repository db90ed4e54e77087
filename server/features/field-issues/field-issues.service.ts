import type { Deps } from '../../platform/deps.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import type { CheckpointsService } from '../checkpoints/checkpoints.service.ts';
import type { AttendanceService } from '../duty/attendance.service.ts';
import type { InspectionsService } from '../inspections/inspections.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { UnitsService } from '../units/units.service.ts';

export type FieldIssuesService = ReturnType<typeof fieldIssuesService>;

/** The issue ledger (问题台账): raise, own, resolve, verify; escalation while overdue. */
export function fieldIssuesService(
  _deps: Deps,
  _others: {
    regions: RegionsService;
    units: UnitsService;
    accounts: AccountsService;
    checkpoints: CheckpointsService;
    attendance: AttendanceService;
    inspections: InspectionsService;
  },
) {
  return { jobs: [] as JobDefinition[] };
}
