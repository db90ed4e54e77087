import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { AlertKind, AlertStatus } from '../../../common/enums.ts';
import type { AlertList, AlertOut } from '../../../server/features/quarantine/alerts.schemas.ts';
import type {
  CardOut,
  HealthStatusOut,
  RemeasuredOut,
  ReportInput,
  SubmittedOut,
} from '../../../server/features/quarantine/health-reports.schemas.ts';
import { api, withQuery } from '../../app/api.ts';
import { submitEntry } from '../../field/sync/outbox.ts';

export type HealthStatus = Static<typeof HealthStatusOut>;
export type Submitted = Static<typeof SubmittedOut>;
export type Remeasured = Static<typeof RemeasuredOut>;
export type Card = Static<typeof CardOut>;
export type Alert = Static<typeof AlertOut>;

export const HEALTH_KEY = 'health';
export const ALERTS_KEY = 'alerts';

export function useHealthStatus(token: string) {
  return useQuery({
    queryKey: [HEALTH_KEY, 'status', token],
    queryFn: () => api.get<HealthStatus>(`/h/${encodeURIComponent(token)}`),
    retry: false,
  });
}

/**
 * The person's report, through the field app's outbox: with its own Idempotency-Key and the time it
 * was made, sent now or kept on the phone until the network returns (the slot is judged by that time).
 */
export function useSubmitReport(token: string) {
  const client = useQueryClient();
  return useMutation({
    // The outbox decides what to do without network; the mutation must not wait for it.
    networkMode: 'always',
    mutationFn: ({ body, summary }: { body: ReportInput; summary: string }) =>
      submitEntry<Submitted>({
        kind: 'healthReport',
        method: 'POST',
        url: `/api/v1/h/${encodeURIComponent(token)}/reports`,
        body: { ...body },
        madeAtField: 'madeAt',
        summary,
      }),
    onSuccess: (r) => (r.sent ? client.invalidateQueries({ queryKey: [HEALTH_KEY, 'status', token] }) : undefined),
  });
}

export function useRemeasure(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (temperature: number) =>
      api.post<Remeasured>(`/h/${encodeURIComponent(token)}/reports/remeasure`, { temperature }),
    onSuccess: () => client.invalidateQueries({ queryKey: [HEALTH_KEY, 'status', token] }),
  });
}

export function useIssueCard() {
  return useMutation({ mutationFn: (caseId: string) => api.post<Card>(`/quarantine/cases/${caseId}/card`) });
}

export interface AlertFilter {
  regionId?: string | null;
  status?: AlertStatus | null;
  kind?: AlertKind | null;
  mine?: boolean | null;
}

export function useAlerts(filter: AlertFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [ALERTS_KEY, filter, page, pageSize],
    queryFn: () =>
      api.get<Static<typeof AlertList>>(
        withQuery('/quarantine/alerts', {
          ...filter,
          mine: filter.mine ? true : undefined,
          limit: pageSize,
          offset: (page - 1) * pageSize,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useAlertAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, outcome }: { id: string; action: 'take' | 'close'; outcome?: string }) =>
      api.post<Alert>(`/quarantine/alerts/${id}/${action}`, action === 'close' ? { outcome } : {}),
    onSuccess: () => client.invalidateQueries({ queryKey: [ALERTS_KEY] }),
  });
}
