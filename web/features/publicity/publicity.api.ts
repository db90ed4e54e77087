import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PublicityMaterial } from '../../../common/enums.ts';
import type {
  Announcement,
  AnnouncementStatus,
  CreateAnnouncementInput,
  ResidentAnnouncement,
} from '../../../server/features/publicity/announcements.schemas.ts';
import type { CreateLogInput, PublicityLog, Totals, TotalsRow } from '../../../server/features/publicity/publicity.schemas.ts';
import { api, withQuery } from '../../app/api.ts';

// The shapes are the server's (one source of truth).
export type {
  Announcement,
  AnnouncementStatus,
  CreateAnnouncementInput,
  CreateLogInput,
  PublicityLog,
  ResidentAnnouncement,
  Totals,
  TotalsRow,
};

/** Every publicity query starts with this: a new entry makes lists and totals stale at once. */
export const PUBLICITY_KEY = 'publicity';
export const ANNOUNCEMENTS_KEY = 'announcements';

export interface LogFilter {
  regionId?: string | null;
  material?: PublicityMaterial | null;
  from?: string | null;
  to?: string | null;
  mine?: boolean | null;
}

export function usePublicityLogs(filter: LogFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [PUBLICITY_KEY, 'logs', filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: PublicityLog[]; total: number }>(
        withQuery('/publicity/logs', {
          ...filter,
          mine: filter.mine ? true : undefined,
          limit: pageSize,
          offset: (page - 1) * pageSize,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function usePublicityTotals(filter: { regionId?: string | null; from?: string | null; to?: string | null }) {
  return useQuery({
    queryKey: [PUBLICITY_KEY, 'totals', filter],
    queryFn: () => api.get<Totals>(withQuery('/publicity/totals', { ...filter })),
    placeholderData: keepPreviousData,
  });
}

export function deleteLog(id: string, reason: string) {
  return api.delete<{ ok: true }>(withQuery(`/publicity/logs/${id}`, { reason }));
}

/** The checkpoints of a region, for the phone page; nothing is asked until a region is chosen. */
export function usePublicityPlaces(regionId: string | null | undefined) {
  return useQuery({
    queryKey: [PUBLICITY_KEY, 'places', regionId],
    queryFn: async () =>
      (
        await api.get<{ items: { id: string; name: string; regionName: string }[] }>(
          withQuery('/publicity/checkpoints', { regionId }),
        )
      ).items,
    enabled: Boolean(regionId),
  });
}

export function useMyTeams() {
  return useQuery({
    queryKey: [PUBLICITY_KEY, 'teams'],
    queryFn: async () => (await api.get<{ items: { id: string; name: string }[] }>('/publicity/teams')).items,
    staleTime: 5 * 60_000,
  });
}

export interface AnnouncementFilter {
  regionId?: string | null;
  status?: AnnouncementStatus | null;
}

export function useAnnouncements(filter: AnnouncementFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [ANNOUNCEMENTS_KEY, 'list', filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: Announcement[]; total: number }>(
        withQuery('/announcements', { ...filter, limit: pageSize, offset: (page - 1) * pageSize }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function withdrawAnnouncement(id: string, reason: string) {
  return api.post<Announcement>(`/announcements/${id}/withdraw`, { reason });
}

/** What residents of a region see now (staff's preview). */
export function useReaching(regionId: string | null) {
  return useQuery({
    queryKey: [ANNOUNCEMENTS_KEY, 'reaching', regionId],
    queryFn: async () =>
      (await api.get<{ items: ResidentAnnouncement[] }>(withQuery('/announcements/reaching', { regionId }))).items,
    enabled: Boolean(regionId),
  });
}

/** Which page the personal link opens: `h` the health report's, `e` the errand page's (a household's link is only known there). */
export type ResidentLink = 'h' | 'e';

/** A resident's page: no account, the personal link's token. A dead link shows nothing here (the page says why). */
export function useResidentAnnouncements(token: string, link: ResidentLink) {
  return useQuery({
    queryKey: [ANNOUNCEMENTS_KEY, 'resident', link, token],
    queryFn: async () =>
      (await api.get<{ items: ResidentAnnouncement[] }>(`/${link}/${encodeURIComponent(token)}/announcements`)).items,
    retry: false,
    enabled: token.length > 0,
    refetchInterval: 10 * 60_000,
  });
}
