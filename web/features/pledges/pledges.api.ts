import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import { PLEDGE_STATUSES, type PledgeStatus, type Skill, type TimeBand } from '../../../common/enums.ts';
import { api, withQuery } from '../../app/api.ts';
import type {
  BulkDecisionOut,
  DecisionResult,
  FormRegionNode,
  Pledge,
  PledgeStatusView,
  Quota,
  SubmitPledgeInput,
  SubmittedOut,
} from '../../../server/features/volunteers/pledges.schemas.ts';
import type { Weekday } from '../volunteers/volunteers.api.ts';

// The shapes are the server's (one source of truth).
export type { Pledge, PledgeStatusView, Quota, DecisionResult };
export type PledgeInput = SubmitPledgeInput;
export type BulkDecisionResult = Static<typeof BulkDecisionOut>;

export interface PledgeForm {
  regions: FormRegionNode[];
  units: { id: string; name: string }[];
}

/** A replayed submission (same Idempotency-Key) comes back without the token: only its hash is kept. */
export type PledgeReceipt = Omit<Static<typeof SubmittedOut>, 'statusToken'> & { statusToken?: string };

export interface PledgeFilter {
  status?: PledgeStatus | null;
  regionId?: string | null;
  unitId?: string | null;
  partyMember?: boolean | null;
  skill?: Skill | null;
  healthRisk?: boolean | null;
  weekday?: Weekday | null;
  band?: TimeBand | null;
  q?: string;
}

export const PLEDGES_KEY = 'pledges';

export function usePledgeForm() {
  return useQuery({
    queryKey: [PLEDGES_KEY, 'form'],
    queryFn: () => api.get<PledgeForm>('/pledges/form'),
    staleTime: 5 * 60_000,
  });
}

export function usePledgeStatus(token: string) {
  return useQuery({
    queryKey: [PLEDGES_KEY, 'status', token],
    queryFn: () => api.get<PledgeStatusView>(`/pledges/status/${encodeURIComponent(token)}`),
  });
}

const query = (filter: PledgeFilter) => ({ ...filter, q: filter.q?.trim() });

export function usePledges(filter: PledgeFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [PLEDGES_KEY, 'list', filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: Pledge[]; total: number }>(
        withQuery('/pledges', { ...query(filter), limit: pageSize, offset: (page - 1) * pageSize }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** How many pledges each status tab holds under the other filters: one row each, only the total is read. */
export function usePledgeCounts(filter: PledgeFilter) {
  return useQueries({
    queries: PLEDGE_STATUSES.map((status) => ({
      queryKey: [PLEDGES_KEY, 'count', status, filter],
      queryFn: async () =>
        (await api.get<{ total: number }>(withQuery('/pledges', { ...query(filter), status, limit: 1 }))).total,
      placeholderData: keepPreviousData,
    })),
    combine: (results) =>
      Object.fromEntries(PLEDGE_STATUSES.map((s, i) => [s, results[i]?.data])) as Record<PledgeStatus, number | undefined>,
  });
}

export function usePledge(id: string | null) {
  return useQuery({
    queryKey: [PLEDGES_KEY, 'detail', id],
    queryFn: () => api.get<Pledge>(`/pledges/${id}`),
    enabled: id !== null,
  });
}

export function useQuotas() {
  return useQuery({
    queryKey: [PLEDGES_KEY, 'quotas'],
    queryFn: async () => (await api.get<{ items: Quota[] }>('/pledge-quotas')).items,
  });
}
