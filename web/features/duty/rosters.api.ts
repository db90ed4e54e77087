import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RiskLevel, RosterStatus } from '../../../common/enums.ts';
import type {
  Board,
  Candidate,
  RosterChange,
  RosterDetail,
  RosterSummary,
} from '../../../server/features/duty/rosters.schemas.ts';
import { api, withQuery } from '../../app/api.ts';

// The shapes are the server's (one source of truth).
export type {
  AssignmentOut,
  BoardRow,
  BoardShift,
  Candidate,
  PublishResult,
  RosterChange,
  RosterDetail,
  RosterRules,
  RosterSummary,
  Shortage,
} from '../../../server/features/duty/rosters.schemas.ts';

export interface RosterFilter {
  regionId?: string | null;
  status?: RosterStatus | null;
}

export interface BoardFilter {
  regionId?: string | null;
  risk?: RiskLevel | null;
  q?: string;
  short?: boolean | null;
}

/**
 * Every roster query starts with this: a hand edit changes the board, the detail's counts, the
 * shortage report, the candidates' loads and the list at once, so one invalidation refreshes them all.
 */
export const ROSTERS_KEY = 'rosters';

export function useRosters(filter: RosterFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [ROSTERS_KEY, 'list', filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: RosterSummary[]; total: number }>(
        withQuery('/rosters', { ...filter, limit: pageSize, offset: (page - 1) * pageSize }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useRoster(id: string) {
  return useQuery({
    queryKey: [ROSTERS_KEY, 'detail', id],
    queryFn: () => api.get<RosterDetail>(`/rosters/${id}`),
  });
}

export function useBoard(id: string, filter: BoardFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [ROSTERS_KEY, 'board', id, filter, page, pageSize],
    queryFn: () =>
      api.get<Board>(
        withQuery(`/rosters/${id}/board`, { ...filter, q: filter.q?.trim(), limit: pageSize, offset: (page - 1) * pageSize }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useCandidates(id: string, shiftId: string, q: string, enabled: boolean) {
  return useQuery({
    queryKey: [ROSTERS_KEY, 'candidates', id, shiftId, q],
    queryFn: async () =>
      (
        await api.get<{ items: Candidate[] }>(
          withQuery(`/rosters/${id}/shifts/${shiftId}/candidates`, { q: q.trim(), limit: 50 }),
        )
      ).items,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRosterChanges(id: string) {
  return useQuery({
    queryKey: [ROSTERS_KEY, 'changes', id],
    queryFn: async () => (await api.get<{ items: RosterChange[] }>(`/rosters/${id}/changes`)).items,
  });
}
