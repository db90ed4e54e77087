import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InspectionGroupKind } from '../../../common/enums.ts';
import type {
  CreateInspectionGroupInput,
  InspectionGroup,
  UpdateInspectionGroupInput,
} from '../../../server/features/inspections/inspection-groups.schemas.ts';
import type {
  AbsenceTally,
  Coverage,
  CreateInspectionInput,
  CrewMember,
  Inspection,
  InspectionCrew,
  InspectionSummary,
  Ratings,
} from '../../../server/features/inspections/inspections.schemas.ts';
import { api, withQuery } from '../../app/api.ts';
import { useEventStream } from '../../app/useEventStream.ts';
import { FIELD_ISSUES_KEY, type FieldIssue } from '../field-issues/fieldIssues.api.ts';

// The shapes are the server's (one source of truth).
export type {
  AbsenceTally,
  Coverage,
  CreateInspectionGroupInput,
  CreateInspectionInput,
  CrewMember,
  FieldIssue,
  Inspection,
  InspectionCrew,
  InspectionGroup,
  InspectionSummary,
  Ratings,
  UpdateInspectionGroupInput,
};
export type CoverageCheckpoint = Coverage['checkpoints'][number];

/** Every inspection query starts with this: a visit or a group change makes all of them stale. */
export const INSPECTIONS_KEY = 'inspections';

/** Staffed-now counts move with check-ins, so the round is refreshed while open. */
const CLOCK_REFRESH_MS = 60_000;
const LIVE_EVENTS = ['inspection.created'] as const;

export interface Point {
  lat: number;
  lng: number;
}

export function useCoverage(regionId: string | null, from: Point | null) {
  return useQuery({
    queryKey: [INSPECTIONS_KEY, 'coverage', regionId, from],
    queryFn: () => api.get<Coverage>(withQuery('/inspections/coverage', { regionId, lat: from?.lat, lng: from?.lng })),
    placeholderData: keepPreviousData,
    refetchInterval: CLOCK_REFRESH_MS,
  });
}

/**
 * Who should be on post now. Loaded once per visit and not refreshed behind the inspector's back:
 * the marks they set belong to this crew, and the visit is recorded at the moment it was seen.
 * Forgotten when the page closes, so the next visit starts from the roster as it is then.
 */
export function useCrew(checkpointId: string) {
  return useQuery({
    queryKey: [INSPECTIONS_KEY, 'crew', checkpointId],
    queryFn: () => api.get<InspectionCrew>(`/inspections/checkpoints/${encodeURIComponent(checkpointId)}/crew`),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    retry: false,
  });
}

export interface InspectionFilter {
  regionId?: string | null;
  from?: string | null;
  to?: string | null;
  mine?: boolean;
  withAbsences?: boolean;
}

export function useInspections(filter: InspectionFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [INSPECTIONS_KEY, 'list', filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: InspectionSummary[]; total: number }>(
        withQuery('/inspections', {
          ...filter,
          mine: filter.mine || undefined,
          withAbsences: filter.withAbsences || undefined,
          limit: pageSize,
          offset: (page - 1) * pageSize,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useInspection(id: string | null) {
  return useQuery({
    queryKey: [INSPECTIONS_KEY, 'detail', id],
    queryFn: () => api.get<Inspection>(`/inspections/${id}`),
    enabled: id !== null,
  });
}

/** The issues raised from one visit: the ledger's list, filtered, and refreshed with the ledger. */
export function useVisitIssues(inspectionId: string | null) {
  return useQuery({
    queryKey: [FIELD_ISSUES_KEY, 'inspection', inspectionId],
    queryFn: async () => (await api.get<{ items: FieldIssue[] }>(withQuery('/field-issues', { inspectionId, limit: 50 }))).items,
    enabled: inspectionId !== null,
  });
}

export interface AbsenceFilter {
  regionId: string | null;
  from: string;
  to: string;
}

export function useAbsenceTally(filter: AbsenceFilter) {
  return useQuery({
    queryKey: [INSPECTIONS_KEY, 'absences', filter],
    queryFn: () => api.get<AbsenceTally>(withQuery('/inspections/absences', { ...filter })),
    placeholderData: keepPreviousData,
  });
}

export interface GroupFilter {
  regionId?: string | null;
  kind?: InspectionGroupKind | null;
  q?: string;
  mine?: boolean;
}

export function useInspectionGroups(filter: GroupFilter) {
  return useQuery({
    queryKey: [INSPECTIONS_KEY, 'groups', filter],
    queryFn: () =>
      api.get<{ items: InspectionGroup[]; total: number }>(
        withQuery('/inspection-groups', { ...filter, q: filter.q?.trim(), mine: filter.mine || undefined }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function updateGroup(id: string, body: UpdateInspectionGroupInput) {
  return api.patch<InspectionGroup>(`/inspection-groups/${id}`, body);
}

/** Deletes a group; its members' derived grants go with it, so every inspection view is stale. */
export function useDeleteGroup(): (id: string) => Promise<void> {
  const client = useQueryClient();
  return async (id) => {
    await api.delete<void>(`/inspection-groups/${id}`);
    await client.invalidateQueries({ queryKey: [INSPECTIONS_KEY] });
  };
}

/** An account found by the member search (the accounts list, reduced to what the form shows). */
export interface AccountOption {
  id: string;
  login: string;
  name: string;
}

export function useAccountSearch(q: string) {
  return useQuery({
    queryKey: [INSPECTIONS_KEY, 'accounts', q],
    queryFn: async () =>
      (await api.get<{ items: AccountOption[] }>(withQuery('/accounts', { q: q || undefined, status: 'active', limit: 20 })))
        .items,
    placeholderData: keepPreviousData,
  });
}

/**
 * Refreshes the round and the lists when any inspector in view records a visit. Visits come a
 * few an hour, so each one simply refetches.
 */
export function useLiveInspections(): void {
  const client = useQueryClient();
  useEventStream(LIVE_EVENTS, () => {
    // The crew of an open visit page stays as the inspector saw it.
    void client.invalidateQueries({ queryKey: [INSPECTIONS_KEY], predicate: (q) => q.queryKey[1] !== 'crew' });
  });
}
