import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { buildDivisionIndex, searchIndex, type DivisionIndex, type RawDivisions } from '../../../common/divisions.ts';
import type { FollowUpKind, FollowUpStatus, PassageDirection, PassageSubject } from '../../../common/enums.ts';
import type {
  CountTotals,
  CreatePassageInput,
  Passage,
  PassageCounts,
  PassageDesk,
  PassageSettings,
  UpdatePassageInput,
} from '../../../server/features/passages/passages.schemas.ts';
import type { CloseFollowUpInput, FollowUp, FollowUpDetails } from '../../../server/features/quarantine/follow-ups.schemas.ts';
import type {
  CreateRiskAreaInput,
  Division,
  RiskArea,
  UpdateRiskAreaInput,
} from '../../../server/features/risk-areas/risk-areas.schemas.ts';
import { api, withQuery } from '../../app/api.ts';

// The shapes are the server's (one source of truth).
export type {
  CloseFollowUpInput,
  CountTotals,
  CreatePassageInput,
  CreateRiskAreaInput,
  Division,
  FollowUp,
  FollowUpDetails,
  Passage,
  PassageCounts,
  PassageDesk,
  PassageSettings,
  RiskArea,
  UpdatePassageInput,
  UpdateRiskAreaInput,
};

/** What a reveal answers: the full name, mobile and plate behind the masks. */
export interface PassageIdentity {
  name: string | null;
  mobile: string | null;
  plate: string | null;
}

export interface FollowUpPerson {
  personName: string | null;
  personMobile: string | null;
  plate: string | null;
}

/** Every passage query starts with this: an entry at the gate makes desk, lists and counts stale at once. */
export const PASSAGES_KEY = 'passages';
export const RISK_AREAS_KEY = 'riskAreas';
export const FOLLOW_UPS_KEY = 'followUps';

/** Teammates log at the same gate: their entries reach today's counts within a minute. */
const DESK_REFRESH_MS = 60_000;
/** Tasks arrive from every gate in the area; a doctor's open list should not wait for a reload. */
const FOLLOW_UPS_REFRESH_MS = 60_000;

/** A checkpoint's passage desk: its settings, quick picks and today's entries. */
export function deskQuery(checkpointId: string) {
  return queryOptions({
    queryKey: [PASSAGES_KEY, 'desk', checkpointId],
    queryFn: () => api.get<PassageDesk>(`/passages/checkpoints/${checkpointId}/desk`),
  });
}

export function useDesk(checkpointId: string) {
  return useQuery({
    ...deskQuery(checkpointId),
    refetchInterval: DESK_REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}

export function updatePassage(id: string, body: UpdatePassageInput) {
  return api.patch<Passage>(`/passages/${id}`, body);
}

export interface PassageFilter {
  regionId?: string | null;
  checkpointId?: string | null;
  from?: string | null;
  to?: string | null;
  direction?: PassageDirection | null;
  subject?: PassageSubject | null;
  fever?: boolean | null;
  fromRiskArea?: boolean | null;
}

export function usePassages(filter: PassageFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [PASSAGES_KEY, 'list', filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: Passage[]; total: number }>(
        withQuery('/passages', { ...filter, limit: pageSize, offset: (page - 1) * pageSize }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function revealPassage(id: string) {
  return api.post<PassageIdentity>(`/passages/${id}/reveal`);
}

export interface CountsFilter {
  regionId?: string | null;
  checkpointId?: string | null;
  from: string;
  to: string;
}

export function usePassageCounts(filter: CountsFilter) {
  return useQuery({
    queryKey: [PASSAGES_KEY, 'counts', filter],
    queryFn: () => api.get<{ items: PassageCounts[]; totals: CountTotals }>(withQuery('/passages/counts', { ...filter })),
    placeholderData: keepPreviousData,
  });
}

/**
 * The national division list, loaded once as a chunk of its own (about 23 kB compressed, kept by
 * the field app's worker): an origin is searched on the device, with no network at a checkpoint
 * and no round trip per keystroke on a slow line. The server searches the same list the same way.
 */
const loadDivisions = async (): Promise<DivisionIndex> =>
  buildDivisionIndex((await import('china-area-data/data.json')).default as RawDivisions);

/** Divisions by name or code ('武汉', '武汉 江岸', '4201'); nothing until something is typed. */
export function useDivisions(q: string): { data: Division[]; isFetching: boolean } {
  const index = useQuery({ queryKey: ['divisions', 'index'], queryFn: loadDivisions, staleTime: Infinity, gcTime: Infinity });
  const data = useMemo(() => (index.data && q ? searchIndex(index.data, q, { limit: 20 }) : []), [index.data, q]);
  return { data, isFetching: index.isFetching };
}

export function useRiskAreas(activeOnly: boolean) {
  return useQuery({
    queryKey: [RISK_AREAS_KEY, activeOnly],
    queryFn: async () =>
      (await api.get<{ items: RiskArea[] }>(withQuery('/risk-areas', { active: activeOnly || undefined }))).items,
  });
}

export function updateRiskArea(id: string, body: UpdateRiskAreaInput) {
  return api.patch<RiskArea>(`/risk-areas/${id}`, body);
}

export function deleteRiskArea(id: string) {
  return api.delete(`/risk-areas/${id}`);
}

export interface FollowUpFilter {
  regionId?: string | null;
  status?: FollowUpStatus | null;
  kind?: FollowUpKind | null;
}

export function useFollowUps(filter: FollowUpFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [FOLLOW_UPS_KEY, 'list', filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: FollowUp[]; total: number }>(
        withQuery('/follow-ups', { ...filter, limit: pageSize, offset: (page - 1) * pageSize }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: FOLLOW_UPS_REFRESH_MS,
  });
}

export function revealFollowUp(id: string) {
  return api.post<FollowUpPerson>(`/follow-ups/${id}/reveal`);
}

export function takeFollowUp(id: string) {
  return api.post<FollowUp>(`/follow-ups/${id}/take`);
}

export function closeFollowUp(id: string, body: CloseFollowUpInput) {
  return api.post<FollowUp>(`/follow-ups/${id}/close`, body);
}
