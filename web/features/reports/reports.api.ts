import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DailyReport, DailyReportList, GenerateInput } from '../../../server/features/reports/daily-report.schemas.ts';
import { api, download, withQuery } from '../../app/api.ts';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { useEventStream } from '../../app/useEventStream.ts';

export type { DailyReport, DailyReportList };
export type DailyReportContent = DailyReport['content'];

export const REPORTS_KEY = 'daily-reports';

export interface ReportFilter {
  regionId?: string | null;
  from?: string | null;
  to?: string | null;
}

/** The latest version of each region's report per day, in the caller's area. */
export function useDailyReports(filter: ReportFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [REPORTS_KEY, 'list', filter, page, pageSize],
    queryFn: () =>
      api.get<DailyReportList>(withQuery('/reports/daily', { ...filter, limit: pageSize, offset: (page - 1) * pageSize })),
    placeholderData: keepPreviousData,
  });
}

export function useDailyReport(id: string) {
  return useQuery({ queryKey: [REPORTS_KEY, 'one', id], queryFn: () => api.get<DailyReport>(`/reports/daily/${id}`) });
}

/** Generates a new version now; a repeated tap of the same request is answered once. */
export function useGenerateReport() {
  const client = useQueryClient();
  const create = useIdempotentCreate();
  return useMutation({
    mutationFn: (body: GenerateInput) => create<DailyReport>('/reports/daily', body),
    onSuccess: () => client.invalidateQueries({ queryKey: [REPORTS_KEY] }),
  });
}

export function downloadReport(report: DailyReport): Promise<void> {
  return download(`/reports/daily/${report.id}/xlsx`, `日报-${report.region.name}-${report.day}.xlsx`);
}

/** A report generated anywhere (the evening job, another member of staff) shows in open lists. */
export function useLiveReports(): void {
  const client = useQueryClient();
  useEventStream(['reports.daily.generated'], () => void client.invalidateQueries({ queryKey: [REPORTS_KEY, 'list'] }));
}
