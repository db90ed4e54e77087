import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { Absence, DutyNow, NowRow, NowShift } from '../../../server/features/duty/attendance.schemas.ts';
import { api, withQuery } from '../../app/api.ts';
import { useEventStream } from '../../app/useEventStream.ts';

// The shapes are the server's (one source of truth).
export type { Absence, DutyNow, NowRow, NowShift };
export type NowPerson = NowShift['people'][number];

/** The on-duty view and the absences both start with this: one invalidation refreshes both. */
export const DUTY_NOW_KEY = 'dutyNow';

/** A safety net under the live stream: a missed event (a sleeping laptop) is caught up within a minute. */
const REFETCH_MS = 60_000;
/** A shift change brings dozens of check-ins in a minute; they are answered with one refetch. */
const COALESCE_MS = 1_500;

const LIVE_EVENTS = ['duty.checked_in', 'duty.checked_out', 'duty.absent', 'roster.published'] as const;

export interface NowFilter {
  regionId: string | null;
  short: boolean;
}

export function useDutyNow(filter: NowFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [DUTY_NOW_KEY, 'now', filter, page, pageSize],
    queryFn: () =>
      api.get<DutyNow>(
        withQuery('/duty/now', {
          regionId: filter.regionId,
          short: filter.short || undefined,
          limit: pageSize,
          offset: (page - 1) * pageSize,
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: REFETCH_MS,
  });
}

export interface AbsenceFilter {
  regionId: string | null;
  /** Local calendar dates, inclusive. */
  from: string | null;
  to: string | null;
}

export function useAbsences(filter: AbsenceFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [DUTY_NOW_KEY, 'absences', filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: Absence[]; total: number }>(
        withQuery('/duty/absences', { ...filter, limit: pageSize, offset: (page - 1) * pageSize }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Refreshes the on-duty view when someone checks in or out, is marked absent or a roster is published. */
export function useLiveDutyNow(): void {
  const client = useQueryClient();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
    },
    [],
  );
  useEventStream(LIVE_EVENTS, () => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      void client.invalidateQueries({ queryKey: [DUTY_NOW_KEY] });
    }, COALESCE_MS);
  });
}
