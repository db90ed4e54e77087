import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SwapStatus } from '../../../common/enums.ts';
import type { SwapRequest, SwapShift } from '../../../server/features/duty/swaps.schemas.ts';
import { api, withQuery } from '../../app/api.ts';

// The shapes are the server's (one source of truth).
export type { SwapRequest, SwapShift };

/** The requests a leader or planner may decide. */
export const SWAPS_KEY = 'swaps';

export function useSwaps(status: SwapStatus | null, page: number, pageSize: number) {
  return useQuery({
    queryKey: [SWAPS_KEY, 'list', status, page, pageSize],
    queryFn: () =>
      api.get<{ items: SwapRequest[]; total: number }>(
        withQuery('/duty/swaps', { status, limit: pageSize, offset: (page - 1) * pageSize }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function approveSwap(id: string, reason: string | null) {
  return api.post<SwapRequest>(`/duty/swaps/${id}/approve`, reason ? { reason } : {});
}

export function rejectSwap(id: string, reason: string) {
  return api.post<SwapRequest>(`/duty/swaps/${id}/reject`, { reason });
}
