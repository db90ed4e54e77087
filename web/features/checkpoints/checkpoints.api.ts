import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CheckpointKind, CheckpointStatus, RiskLevel } from '../../../common/enums.ts';
import type { Checkpoint, ShiftSlot } from '../../../server/features/checkpoints/checkpoints.schemas.ts';
import { api, withQuery } from '../../app/api.ts';

// The shapes are the server's (one source of truth).
export type { Checkpoint, ShiftSlot };

export interface CheckpointFilter {
  regionId?: string | null;
  kind?: CheckpointKind | null;
  risk?: RiskLevel | null;
  status?: CheckpointStatus | null;
  q?: string;
}

/** Every checkpoint query starts with this, so one invalidation refreshes lists, plans and details. */
export const CHECKPOINTS_KEY = 'checkpoints';

/** The most the list route answers at once; a community's plan never needs more. */
const PLAN_LIMIT = 500;

function checkpointQuery(filter: CheckpointFilter) {
  return { ...filter, q: filter.q?.trim() };
}

export function useCheckpoints(filter: CheckpointFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [CHECKPOINTS_KEY, 'list', filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: Checkpoint[]; total: number }>(
        withQuery('/checkpoints', { ...checkpointQuery(filter), limit: pageSize, offset: (page - 1) * pageSize }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The checkpoints of one community (all its grids), for the plan in the form. */
export function useCommunityCheckpoints(communityId: string | null) {
  return useQuery({
    queryKey: [CHECKPOINTS_KEY, 'community', communityId],
    queryFn: async () =>
      (await api.get<{ items: Checkpoint[] }>(withQuery('/checkpoints', { regionId: communityId, limit: PLAN_LIMIT }))).items,
    enabled: communityId !== null,
  });
}

export function placardUrl(id: string): string {
  return `/api/v1/checkpoints/${id}/placard`;
}

export function placardsUrl(regionId: string): string {
  return withQuery('/api/v1/checkpoints/placards', { regionId });
}
