import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { OfflineConflictKind, OfflineConflictStatus } from '../../../common/enums.ts';
import type { ConflictList, ConflictOut, ResolveInput } from '../../../server/features/sync/sync.schemas.ts';
import { api, withQuery } from '../../app/api.ts';

export type Conflict = Static<typeof ConflictOut>;
export type { ResolveInput };

export const CONFLICTS_KEY = 'sync-conflicts';

export interface ConflictFilter {
  status?: OfflineConflictStatus | null;
  kind?: OfflineConflictKind | null;
  regionId?: string | null;
}

/** Entries made offline and kept as conflicts, open ones first, newest received first. */
export function useConflicts(filter: ConflictFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [CONFLICTS_KEY, filter, page, pageSize],
    queryFn: () =>
      api.get<Static<typeof ConflictList>>(
        withQuery('/sync/conflicts', { ...filter, limit: pageSize, offset: (page - 1) * pageSize }),
      ),
    placeholderData: keepPreviousData,
  });
}

export const resolvePath = (id: string) => `/sync/conflicts/${id}/resolve`;
