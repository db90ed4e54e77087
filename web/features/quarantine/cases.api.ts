import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { CaseStatus, IsolationKind } from '../../../common/enums.ts';
import type {
  CaseServiceList,
  CaseServicesOfCase,
  LogServiceInput,
  ScheduleServiceInput,
  UpdateServiceInput,
} from '../../../server/features/quarantine/case-services.schemas.ts';
import type {
  AssignCaseInput,
  AssigneesOut,
  CaseDetail,
  CasePersonOut,
  CaseSummary,
  ExtendCaseInput,
  OpenCaseInput,
  ReleaseCaseInput,
  ReleaseNoticeOut,
  SourcesOut,
  TransferCaseInput,
} from '../../../server/features/quarantine/cases.schemas.ts';
import type { CaseService, CaseServiceLog } from '../../../server/features/quarantine/case-services.schemas.ts';
import { api, withQuery } from '../../app/api.ts';

// The shapes are the server's (one source of truth).
export type {
  AssignCaseInput,
  CaseDetail,
  CaseService,
  CaseServiceLog,
  CaseSummary,
  LogServiceInput,
  OpenCaseInput,
  ScheduleServiceInput,
};
export type Assignees = Static<typeof AssigneesOut>;
export type CasePerson = Static<typeof CasePersonOut>;
export type ReleaseNotice = Static<typeof ReleaseNoticeOut>;
export type CaseSource = Static<typeof SourcesOut>['items'][number];

/** Every case query starts with this: an action on a case makes lists, detail and services stale at once. */
export const CASES_KEY = 'isolationCases';

export interface CaseFilter {
  regionId?: string | null;
  status?: CaseStatus | null;
  kind?: IsolationKind | null;
  due?: boolean | null;
}

export function useCases(filter: CaseFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [CASES_KEY, 'list', filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: CaseSummary[]; total: number }>(
        withQuery('/quarantine/cases', { ...filter, limit: pageSize, offset: (page - 1) * pageSize }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string) {
  return useQuery({ queryKey: [CASES_KEY, 'detail', id], queryFn: () => api.get<CaseDetail>(`/quarantine/cases/${id}`) });
}

export function useAssignees(regionId: string | null | undefined) {
  return useQuery({
    queryKey: [CASES_KEY, 'assignees', regionId],
    queryFn: () => api.get<Assignees>(withQuery('/quarantine/assignees', { regionId })),
    enabled: !!regionId,
  });
}

export function useCaseSources(kind: 'returnee' | 'contact', enabled: boolean) {
  return useQuery({
    queryKey: [CASES_KEY, 'sources', kind],
    queryFn: () => api.get<{ items: CaseSource[] }>(withQuery('/quarantine/case-sources', { kind, limit: 200 })),
    enabled,
  });
}

export function useCaseServices(caseId: string) {
  return useQuery({
    queryKey: [CASES_KEY, 'services', caseId],
    queryFn: () => api.get<Static<typeof CaseServicesOfCase>>(`/quarantine/cases/${caseId}/services`),
  });
}

/** The services of the cases the volunteer looks after. */
export const myServicesQuery = queryOptions({
  queryKey: [CASES_KEY, 'mine'],
  queryFn: () => api.get<Static<typeof CaseServiceList>>('/quarantine/services/mine'),
});

export function useMyServices() {
  return useQuery({ ...myServicesQuery, refetchOnWindowFocus: true });
}

export function useReleaseNotice(id: string) {
  return useQuery({
    queryKey: [CASES_KEY, 'notice', id],
    queryFn: () => api.get<ReleaseNotice>(`/quarantine/cases/${id}/release-notice`),
  });
}

export const assignCase = (id: string, body: AssignCaseInput) => api.patch<CaseDetail>(`/quarantine/cases/${id}`, body);
export const extendCase = (id: string, body: ExtendCaseInput) => api.post<CaseDetail>(`/quarantine/cases/${id}/extend`, body);
export const releaseCase = (id: string, body: ReleaseCaseInput) => api.post<CaseDetail>(`/quarantine/cases/${id}/release`, body);
export const transferCase = (id: string, body: TransferCaseInput) =>
  api.post<CaseDetail>(`/quarantine/cases/${id}/transfer`, body);
export const revealCase = (id: string) => api.post<CasePerson>(`/quarantine/cases/${id}/reveal`, {});
export const updateService = (id: string, body: UpdateServiceInput) => api.patch<CaseService>(`/quarantine/services/${id}`, body);
