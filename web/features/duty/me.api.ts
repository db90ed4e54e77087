import { queryOptions, useQuery } from '@tanstack/react-query';
import type {
  AttendanceInput,
  CheckInPage as CheckInPageData,
  MyDuty,
  MyDutyPage,
} from '../../../server/features/duty/attendance.schemas.ts';
import type { CreateSwapInput, SwapOption, SwapRequest } from '../../../server/features/duty/swaps.schemas.ts';
import { api, withQuery } from '../../app/api.ts';

// The shapes are the server's (one source of truth).
export type { AttendanceInput, CheckInPageData, CreateSwapInput, MyDuty, MyDutyPage, SwapOption, SwapRequest };

/** Everything of the volunteer's own pages: a check-in, a swap or a cancellation makes all of it stale. */
export const MY_DUTY_KEY = ['duty', 'me'] as const;

/** Attendance states move with the clock (upcoming → due → absent), so the page is refreshed while open. */
const CLOCK_REFRESH_MS = 60_000;

/** The volunteer's shifts from yesterday to two weeks ahead. */
export const myDutyQuery = queryOptions({
  queryKey: [...MY_DUTY_KEY, 'page'],
  queryFn: () => api.get<MyDutyPage>('/duty/me'),
});

export function useMyDuty() {
  return useQuery({
    ...myDutyQuery,
    refetchInterval: CLOCK_REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}

export function useMySwaps() {
  return useQuery({
    queryKey: [...MY_DUTY_KEY, 'swaps'],
    queryFn: () => api.get<{ items: SwapRequest[] }>('/duty/me/swaps'),
  });
}

export function useSwapOptions(assignmentId: string) {
  return useQuery({
    queryKey: [...MY_DUTY_KEY, 'swap-options', assignmentId],
    queryFn: () => api.get<{ items: SwapOption[] }>(withQuery('/duty/me/swap-options', { assignmentId })),
  });
}

export function useCheckInPage(code: string) {
  return useQuery({
    queryKey: [...MY_DUTY_KEY, 'check-in', code],
    queryFn: () => api.get<CheckInPageData>(`/duty/check-in/${encodeURIComponent(code)}`),
    refetchInterval: CLOCK_REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}

export function cancelSwap(id: string) {
  return api.post<SwapRequest>(`/duty/me/swaps/${id}/cancel`);
}
