import { keepPreviousData, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { CampaignStatus } from '../../../common/enums.ts';
import type {
  AssignmentsInput,
  Campaign,
  CampaignDetail,
  CoverageNode,
  CreateCampaignInput,
  CreateVisitInput,
  FieldGrid,
  FieldHousehold,
  HouseholdState,
  StateCounts,
  UpdateCampaignInput,
  Visit,
} from '../../../server/features/households/screening.schemas.ts';
import { api, withQuery } from '../../app/api.ts';

// The server's shapes (one source of truth).
export type {
  AssignmentsInput,
  Campaign,
  CampaignDetail,
  CoverageNode,
  CreateCampaignInput,
  CreateVisitInput,
  FieldGrid,
  FieldHousehold,
  HouseholdState,
  StateCounts,
  UpdateCampaignInput,
  Visit,
};

export type FieldCampaign = Campaign & { grids: FieldGrid[] };

/** Every screening query starts with this: a visit makes coverage, grids and household lists stale at once. */
export const SCREENING_KEY = 'screening';
/** What the server publishes on each visit and campaign change. */
export const SCREENING_EVENTS = ['screening.visited', 'screening.campaign.changed', 'screening.campaign.created'] as const;

export interface CampaignFilter {
  regionId?: string | null;
  status?: CampaignStatus | null;
}

export function useCampaigns(filter: CampaignFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [SCREENING_KEY, 'list', filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: Campaign[]; total: number }>(
        withQuery('/screening/campaigns', { ...filter, limit: pageSize, offset: (page - 1) * pageSize }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useCampaign(id: string) {
  return useQuery({
    queryKey: [SCREENING_KEY, 'detail', id],
    queryFn: () => api.get<CampaignDetail>(`/screening/campaigns/${id}`),
  });
}

export function useCoverage(id: string) {
  return useQuery({
    queryKey: [SCREENING_KEY, 'coverage', id],
    queryFn: () => api.get<{ campaignId: string; nodes: CoverageNode[] }>(`/screening/campaigns/${id}/coverage`),
    placeholderData: keepPreviousData,
  });
}

/** The campaigns and grids the volunteer screens. */
export const fieldCampaignsQuery = queryOptions({
  queryKey: [SCREENING_KEY, 'field'],
  queryFn: () => api.get<{ items: FieldCampaign[] }>('/screening/field/campaigns'),
});

export function useFieldCampaigns() {
  return useQuery(fieldCampaignsQuery);
}

/** Cards a phone asks for at a time: a screen or two, not the grid's thousand. */
const HOUSEHOLD_PAGE = 30;

export interface GridHouseholdPage {
  items: FieldHousehold[];
  total: number;
  counts: StateCounts;
}

/** A grid's households a page at a time; after a visit every loaded page is read again, so none is skipped. */
export function useGridHouseholds(campaignId: string, gridId: string, q: string, state: HouseholdState | null) {
  return useInfiniteQuery({
    queryKey: [SCREENING_KEY, 'households', campaignId, gridId, q, state],
    queryFn: ({ pageParam }) =>
      api.get<GridHouseholdPage>(
        withQuery(`/screening/campaigns/${campaignId}/grids/${gridId}/households`, {
          q: q || undefined,
          state,
          limit: HOUSEHOLD_PAGE,
          offset: pageParam,
        }),
      ),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      return last.items.length > 0 && loaded < last.total ? loaded : undefined;
    },
    placeholderData: keepPreviousData,
  });
}

export const updateCampaign = (id: string, body: UpdateCampaignInput) =>
  api.patch<CampaignDetail>(`/screening/campaigns/${id}`, body);
export const closeCampaign = (id: string) => api.post<CampaignDetail>(`/screening/campaigns/${id}/close`, {});
export const setAssignments = (id: string, body: AssignmentsInput) =>
  api.put<CampaignDetail>(`/screening/campaigns/${id}/assignments`, body);
