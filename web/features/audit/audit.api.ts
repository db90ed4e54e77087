import { useInfiniteQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api.ts';

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorLogin: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  outcome: string;
  ip: string | null;
  detail: Record<string, unknown> | null;
}

export type Outcome = 'ok' | 'failed' | 'denied';
export const OUTCOMES: readonly Outcome[] = ['ok', 'failed', 'denied'];

export interface AuditFilter {
  actor?: string;
  action?: string;
  entityType?: string;
  outcome?: Outcome;
  /** UTC instants (ISO 8601). */
  from?: string;
  to?: string;
}

const PAGE = 50;

/** Newest first; each further page continues from the last entry already shown. */
export function useAudit(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    queryFn: ({ pageParam }) =>
      api.get<{ items: AuditEntry[]; nextCursor: string | null }>(
        withQuery('/audit', { ...filter, cursor: pageParam, limit: PAGE }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
