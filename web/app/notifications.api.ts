import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { NotificationList, NotificationOut } from '../../server/platform/notify/notifications.schemas.ts';
import { api, withQuery } from './api.ts';

export type { NotificationList, NotificationOut };

const NOTIFICATIONS_KEY = ['notifications'] as const;
/** Often enough that a published roster or an absence alert is seen within the minute, cheap for the server. */
const POLL_MS = 60_000;
const PAGE = 20;

/** The badge: only the count matters, so one item is asked for. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unread'],
    queryFn: async () => (await api.get<NotificationList>(withQuery('/notifications', { unread: true, limit: 1 }))).unread,
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  });
}

/** The inbox, newest first, a page at a time; read only while the drawer is open. */
export function useNotifications(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list'],
    queryFn: ({ pageParam }) => api.get<NotificationList>(withQuery('/notifications', { limit: PAGE, offset: pageParam })),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      return loaded < last.total ? loaded : undefined;
    },
    enabled,
  });
}

/** Marks some (or every) notification read and refreshes the badge and the list. */
export function useMarkRead(): (what: { ids: string[] } | { all: true }) => Promise<void> {
  const client = useQueryClient();
  return useCallback(
    async (what) => {
      await api.post<{ ok: true }>('/notifications/read', what);
      await client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
    },
    [client],
  );
}
