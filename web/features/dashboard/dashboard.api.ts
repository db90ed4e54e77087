import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dashboard, Refreshed } from '../../../server/features/dashboard/dashboard.schemas.ts';
import { api, withQuery } from '../../app/api.ts';
import { useEventStream } from '../../app/useEventStream.ts';

export type { Dashboard };
export type DashboardChild = Dashboard['children'][number];
export type DashboardRegion = Dashboard['region'];

export const DASHBOARD_KEY = 'dashboard';

/** The figures of one region (the caller's top region when null), its children and its last 14 days. */
export function useDashboard(regionId: string | null) {
  return useQuery({
    queryKey: [DASHBOARD_KEY, regionId],
    queryFn: () => api.get<Dashboard>(withQuery('/dashboard', { regionId })),
    // A drill keeps the last region on screen until the next one arrives, so the charts do not blink empty.
    placeholderData: keepPreviousData,
  });
}

/** Recomputes today's figures now, instead of waiting for the next scheduled refresh. */
export function useRefreshDashboard() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Refreshed>('/dashboard/refresh'),
    onSuccess: () => client.invalidateQueries({ queryKey: [DASHBOARD_KEY] }),
  });
}

/** A refresh anywhere (the job, another commander's button) brings the new figures to every open dashboard. */
export function useLiveDashboard(): void {
  const client = useQueryClient();
  useEventStream(['dashboard.refreshed'], () => void client.invalidateQueries({ queryKey: [DASHBOARD_KEY] }));
}
