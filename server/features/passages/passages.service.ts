import type { Deps } from '../../platform/deps.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';
import type { CheckpointsService } from '../checkpoints/checkpoints.service.ts';
import type { AttendanceService } from '../duty/attendance.service.ts';
import type { FollowUpsService } from '../quarantine/follow-ups.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { RiskAreasService } from '../risk-areas/risk-areas.service.ts';

export type PassagesService = ReturnType<typeof passagesService>;

/** The passage log at checkpoints (卡点登记). */
export function passagesService(
  _deps: Deps,
  _others: {
    regions: RegionsService;
    checkpoints: CheckpointsService;
    attendance: AttendanceService;
    riskAreas: RiskAreasService;
    followUps: FollowUpsService;
  },
) {
  return { jobs: [] as JobDefinition[] };
}
