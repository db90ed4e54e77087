import { keepPreviousData, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlaceKind } from '../../../common/enums.ts';
import type {
  CreateLogInput,
  CreatePlaceInput,
  CreateScheduleInput,
  Log,
  Place,
  PlacePick,
  Schedule,
  Totals,
  UpdatePlaceInput,
  UpdateScheduleInput,
} from '../../../server/features/disinfection/disinfection.schemas.ts';
import type { ScheduleState } from '../../../server/features/disinfection/disinfection.rules.ts';
import { api, withQuery } from '../../app/api.ts';
import { useEventStream } from '../../app/useEventStream.ts';

// The shapes are the server's (one source of truth).
export type {
  CreateLogInput,
  CreatePlaceInput,
  CreateScheduleInput,
  Log,
  Place,
  PlacePick,
  Schedule,
  ScheduleState,
  Totals,
  UpdatePlaceInput,
  UpdateScheduleInput,
};

/** Every disinfection query starts with this: a job logged or signed off makes lists, totals and jobs stale at once. */
export const DISINFECTION_KEY = 'disinfection';

const LIVE_EVENTS = [
  'disinfection.logged',
  'disinfection.signedOff',
  'disinfection.placeChanged',
  'disinfection.scheduleChanged',
];

/** Desk pages follow what is logged elsewhere (phones in the field) as it happens. */
export function useLiveDisinfection(): void {
  const client = useQueryClient();
  useEventStream(LIVE_EVENTS, () => void client.invalidateQueries({ queryKey: [DISINFECTION_KEY] }));
}

const paged = (page: number, pageSize: number) => ({ limit: pageSize, offset: (page - 1) * pageSize });

export interface PlaceFilter {
  regionId?: string | null;
  q?: string;
  kind?: PlaceKind | null;
  active?: boolean | null;
  overdue?: boolean;
}

export function usePlaces(filter: PlaceFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [DISINFECTION_KEY, 'places', filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: Place[]; total: number }>(
        withQuery('/disinfection/places', {
          ...filter,
          q: filter.q?.trim(),
          overdue: filter.overdue || undefined,
          ...paged(page, pageSize),
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export interface ScheduleFilter {
  regionId?: string | null;
  placeId?: string | null;
  state?: ScheduleState | null;
}

export function useSchedules(filter: ScheduleFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [DISINFECTION_KEY, 'schedules', filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: Schedule[]; total: number }>(
        withQuery('/disinfection/schedules', { ...filter, ...paged(page, pageSize) }),
      ),
    placeholderData: keepPreviousData,
  });
}

export interface LogFilter {
  regionId?: string | null;
  placeId?: string | null;
  from?: string | null;
  to?: string | null;
  signed?: boolean | null;
  site?: 'place' | 'home' | null;
}

export function useLogs(filter: LogFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [DISINFECTION_KEY, 'logs', filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: Log[]; total: number }>(withQuery('/disinfection/logs', { ...filter, ...paged(page, pageSize) })),
    placeholderData: keepPreviousData,
  });
}

export interface TotalsFilter {
  regionId?: string | null;
  from?: string | null;
  to?: string | null;
  all?: boolean;
}

export function useTotals(filter: TotalsFilter) {
  return useQuery({
    queryKey: [DISINFECTION_KEY, 'totals', filter],
    queryFn: () => api.get<Totals>(withQuery('/disinfection/totals', { ...filter, all: filter.all || undefined })),
    placeholderData: keepPreviousData,
  });
}

export const myJobsQuery = queryOptions({
  queryKey: [DISINFECTION_KEY, 'my', 'jobs'],
  queryFn: async () => (await api.get<{ items: Schedule[] }>('/disinfection/my/jobs')).items,
});

export function useMyJobs() {
  return useQuery(myJobsQuery);
}

export function useMyLogs() {
  return useQuery({
    queryKey: [DISINFECTION_KEY, 'my', 'logs'],
    queryFn: async () => (await api.get<{ items: Log[] }>('/disinfection/my/logs')).items,
  });
}

export const myPlacesQuery = queryOptions({
  queryKey: [DISINFECTION_KEY, 'my', 'places'],
  queryFn: async () => (await api.get<{ items: PlacePick[] }>('/disinfection/my/places')).items,
});

export function useMyPlaces(enabled: boolean) {
  return useQuery({ ...myPlacesQuery, enabled });
}

export const updatePlace = (id: string, body: UpdatePlaceInput) => api.patch<Place>(`/disinfection/places/${id}`, body);
export const deletePlace = (id: string) => api.delete<{ ok: true }>(`/disinfection/places/${id}`);
export const updateSchedule = (id: string, body: UpdateScheduleInput) =>
  api.patch<Schedule>(`/disinfection/schedules/${id}`, body);
export const signOffLog = (id: string, note: string | undefined) =>
  api.post<Log>(`/disinfection/logs/${id}/sign-off`, note ? { note } : {});
