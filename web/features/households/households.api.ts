import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { HousingStatus } from '../../../common/enums.ts';
import type {
  Household as ServerHousehold,
  HouseholdSummary as ServerHouseholdSummary,
  ImportCounts as ServerImportCounts,
  MemberInput as ServerMemberInput,
  Resident as ServerResident,
  ResidentMatch as ServerResidentMatch,
} from '../../../server/features/households/households.schemas.ts';
import { api, withQuery } from '../../app/api.ts';

// The server's shapes (one source of truth), under the names the pages use.
export type Household = ServerHousehold;
export type HouseholdSummary = ServerHouseholdSummary;
export type Resident = ServerResident;
export type ResidentMatch = ServerResidentMatch;
export type MemberInput = ServerMemberInput;
export type ImportCounts = ServerImportCounts;

export interface HouseholdFilter {
  regionId?: string | null;
  q?: string;
  housing?: HousingStatus | null;
}

export interface RevealedMember {
  idNumber: string | null;
  mobile: string | null;
}

/** Every query about households starts with this, so one invalidation refreshes lists and details. */
export const HOUSEHOLDS_KEY = 'households';

export const householdQuery = (filter: HouseholdFilter) => ({ ...filter, q: filter.q?.trim() || undefined });

export function useHouseholds(filter: HouseholdFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [HOUSEHOLDS_KEY, 'list', filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: HouseholdSummary[]; total: number }>(
        withQuery('/households', { ...householdQuery(filter), limit: pageSize, offset: (page - 1) * pageSize }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useHousehold(id: string | undefined) {
  return useQuery({
    queryKey: [HOUSEHOLDS_KEY, 'detail', id],
    queryFn: () => api.get<Household>(`/households/${id}`),
    enabled: !!id,
  });
}

export function useResidentSearch(idNumber: string | null) {
  return useQuery({
    queryKey: [HOUSEHOLDS_KEY, 'residents', idNumber],
    queryFn: () => api.get<{ items: ResidentMatch[] }>(withQuery('/households/residents', { idNumber: idNumber ?? '' })),
    enabled: idNumber !== null,
  });
}
