import { keepPreviousData, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { FieldIssueCategory } from '../../../common/enums.ts';
import type {
  CreateFieldIssueInput,
  FieldIssue,
  FieldIssueDetail,
  FieldIssueEvent,
  FieldIssueList as FieldIssueListSchema,
  StatusInput,
  UpdateFieldIssueInput,
  VerifyInput,
} from '../../../server/features/field-issues/field-issues.schemas.ts';
import { api, withQuery } from '../../app/api.ts';
import { useEventStream } from '../../app/useEventStream.ts';
import { CHECKPOINTS_KEY, type Checkpoint } from '../checkpoints/checkpoints.api.ts';
import { myDutyQuery } from '../duty/me.api.ts';
import { isCurrent } from '../duty/my/NextDutyCard.tsx';

// The shapes are the server's (one source of truth).
export type { CreateFieldIssueInput, FieldIssue, FieldIssueDetail, FieldIssueEvent, UpdateFieldIssueInput };
export type FieldIssueList = Static<typeof FieldIssueListSchema>;
export type StatusCounts = FieldIssueList['counts'];

/** Every issue query starts with this, so one invalidation refreshes the ledger and the open issue. */
export const FIELD_ISSUES_KEY = 'fieldIssues';

/** A tab of the ledger: a status, or the overdue ones whatever their status; `all` is no filter. */
export type LedgerTab = 'all' | keyof StatusCounts;

export interface FieldIssueFilter {
  category?: FieldIssueCategory | null;
  regionId?: string | null;
  mine?: 'raised' | 'owned' | null;
  q?: string;
}

export function useFieldIssues(tab: LedgerTab, filter: FieldIssueFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [FIELD_ISSUES_KEY, 'list', tab, filter, page, pageSize],
    queryFn: () =>
      api.get<FieldIssueList>(
        withQuery('/field-issues', {
          ...filter,
          q: filter.q?.trim(),
          status: tab === 'all' || tab === 'overdue' ? undefined : tab,
          overdue: tab === 'overdue' || undefined,
          limit: pageSize,
          offset: (page - 1) * pageSize,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/**
 * The server counts by status within the other filters, overdue included: on the overdue tab the
 * counts of the other tabs would shrink to their overdue part. There they come from the same
 * filters without it (one row asked for: only the counts matter).
 */
export function useTabCounts(
  tab: LedgerTab,
  filter: FieldIssueFilter,
  list: FieldIssueList | undefined,
): StatusCounts | undefined {
  const overdueTab = tab === 'overdue';
  const all = useQuery({
    queryKey: [FIELD_ISSUES_KEY, 'list', 'counts', filter],
    queryFn: () => api.get<FieldIssueList>(withQuery('/field-issues', { ...filter, q: filter.q?.trim(), limit: 1 })),
    enabled: overdueTab,
    placeholderData: keepPreviousData,
  });
  return overdueTab ? all.data?.counts : list?.counts;
}

export function useFieldIssue(id: string) {
  return useQuery({
    queryKey: [FIELD_ISSUES_KEY, 'detail', id],
    queryFn: () => api.get<FieldIssueDetail>(`/field-issues/${encodeURIComponent(id)}`),
  });
}

/**
 * After a write whose answer is the issue itself: that answer becomes the open issue, and every
 * list of issues (the ledger, a visit's issues) is refreshed.
 */
export async function afterWrite(client: QueryClient, detail: FieldIssueDetail): Promise<void> {
  client.setQueryData([FIELD_ISSUES_KEY, 'detail', detail.id], detail);
  await client.invalidateQueries({ queryKey: [FIELD_ISSUES_KEY], predicate: (q) => q.queryKey[1] !== 'detail' });
}

export const issueActions = {
  status: (id: string, body: StatusInput) => api.post<FieldIssueDetail>(`/field-issues/${id}/status`, body),
  verify: (id: string, body: VerifyInput) => api.post<FieldIssueDetail>(`/field-issues/${id}/verify`, body),
  update: (id: string, body: UpdateFieldIssueInput) => api.patch<FieldIssueDetail>(`/field-issues/${id}`, body),
};

/** The printable public summary is a page of the server's: opened in a new tab, printed from the browser. */
export function summaryUrl(regionId: string): string {
  return withQuery('/api/v1/field-issues/summary', { regionId });
}

/** Someone else took on, resolved or commented on an issue: the ledger and the open issue follow. */
export function useLiveFieldIssues(enabled: boolean): void {
  const client = useQueryClient();
  useEventStream(['fieldIssue.changed'], () => void client.invalidateQueries({ queryKey: [FIELD_ISSUES_KEY] }), enabled);
}

export interface DutyCheckpoint {
  id: string;
  name: string;
  regionName: string;
  /** A shift there is under way (or open for check-in): the caller may raise an issue there now. */
  current: boolean;
}

/** The checkpoints of the caller's own shifts, for a volunteer who cannot search checkpoints. */
export function useMyDutyCheckpoints(enabled: boolean): DutyCheckpoint[] {
  const duty = useQuery({ ...myDutyQuery, enabled });
  const seen = new Map<string, DutyCheckpoint>();
  for (const d of duty.data?.duties ?? []) {
    const known = seen.get(d.checkpoint.id);
    const current = isCurrent(d) || (known?.current ?? false);
    seen.set(d.checkpoint.id, { id: d.checkpoint.id, name: d.checkpoint.name, regionName: d.checkpoint.regionName, current });
  }
  return [...seen.values()];
}

/** A checkpoint's name for the place line, for those who may read checkpoints. */
export function useCheckpointName(id: string | null, enabled: boolean) {
  return useQuery({
    queryKey: [CHECKPOINTS_KEY, 'detail', id],
    queryFn: () => api.get<Checkpoint>(`/checkpoints/${encodeURIComponent(id ?? '')}`),
    enabled: enabled && id !== null,
  });
}
