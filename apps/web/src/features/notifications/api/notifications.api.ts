import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import {
  effectivePreferences,
  type NotificationPreferences,
  type NotificationPreferencesInput,
  type NotificationsPage,
  type NotificationView,
} from '@partagora/domain';
import { apiFetch } from '../../../lib/api-client';

export const NOTIFICATIONS_PAGE = 20;

export const notificationsKeys = {
  all: ['notifications'] as const,
  /** The newest unread one and the unread count: what the bell needs. */
  summary: () => ['notifications', 'summary'] as const,
  list: () => ['notifications', 'list'] as const,
  preferences: () => ['notifications', 'preferences'] as const,
};

export const unreadSummaryQueryOptions = () =>
  queryOptions({
    queryKey: notificationsKeys.summary(),
    queryFn: ({ signal }) =>
      apiFetch<NotificationsPage>('/notifications', {
        query: { unread: 'true', limit: 1 },
        signal,
      }),
  });

/** How many of my notifications are unread (live: the socket adds to it). */
export function useUnreadCount(enabled = true) {
  return useQuery({ ...unreadSummaryQueryOptions(), enabled, select: (page) => page.unreadCount });
}

export const notificationListQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: notificationsKeys.list(),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<NotificationsPage>('/notifications', {
        query: { cursor: pageParam, limit: NOTIFICATIONS_PAGE },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useNotifications() {
  return useInfiniteQuery(notificationListQueryOptions());
}

function updateListItems(
  queryClient: QueryClient,
  update: (items: NotificationView[], pageIndex: number) => NotificationView[],
): void {
  queryClient.setQueryData<InfiniteData<NotificationsPage>>(notificationsKeys.list(), (data) =>
    data
      ? { ...data, pages: data.pages.map((p, i) => ({ ...p, items: update(p.items, i) })) }
      : data,
  );
}

/**
 * Socket `notification`: the bell counts one more and an open list shows it first. A notification
 * already in the cache (seen twice) changes nothing.
 */
export function receiveNotification(
  queryClient: QueryClient,
  event: Omit<NotificationView, 'readAt'> & { readAt?: string | null },
): void {
  const notification: NotificationView = { ...event, readAt: event.readAt ?? null };
  const list = queryClient.getQueryData<InfiniteData<NotificationsPage>>(notificationsKeys.list());
  const summary = queryClient.getQueryData<NotificationsPage>(notificationsKeys.summary());
  const known =
    summary?.items.some((n) => n.id === notification.id) ||
    list?.pages.some((p) => p.items.some((n) => n.id === notification.id));
  if (known) return;
  queryClient.setQueryData<NotificationsPage>(notificationsKeys.summary(), (page) =>
    page
      ? {
          ...page,
          items: [notification],
          unreadCount: page.unreadCount + (notification.readAt ? 0 : 1),
        }
      : page,
  );
  updateListItems(queryClient, (items, i) => (i === 0 ? [notification, ...items] : items));
}

/** After a reconnection: counts and lists come again from the API. */
export function refreshNotifications(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: notificationsKeys.all });
}

/** `POST /notifications/read`: the given ones, or all of mine when `ids` is omitted. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) =>
      apiFetch<void>('/notifications/read', { method: 'POST', body: ids ? { ids } : {} }),
    onSuccess: async (_data, ids) => {
      const now = new Date().toISOString();
      const hit = (n: NotificationView) => !ids || ids.includes(n.id);
      updateListItems(queryClient, (items) =>
        items.map((n) => (hit(n) && !n.readAt ? { ...n, readAt: now } : n)),
      );
      if (!ids) {
        queryClient.setQueryData<NotificationsPage>(notificationsKeys.summary(), (page) =>
          page ? { ...page, unreadCount: 0 } : page,
        );
      }
      await queryClient.invalidateQueries({ queryKey: notificationsKeys.summary() });
    },
  });
}

export const preferencesQueryOptions = () =>
  queryOptions({
    queryKey: notificationsKeys.preferences(),
    // Every kind present, defaults filled in (a kind added later still gets a row).
    queryFn: async ({ signal }) =>
      effectivePreferences(
        await apiFetch<Partial<NotificationPreferences>>('/me/notification-preferences', {
          signal,
        }),
      ),
  });

export function useNotificationPreferences() {
  return useQuery(preferencesQueryOptions());
}

/** `PUT /me/notification-preferences` with the kinds that changed; answers the whole map. */
export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: NotificationPreferencesInput) =>
      apiFetch<Partial<NotificationPreferences> | undefined>('/me/notification-preferences', {
        method: 'PUT',
        body: changes,
      }),
    onSuccess: async (saved, changes) => {
      queryClient.setQueryData<NotificationPreferences>(notificationsKeys.preferences(), (old) =>
        effectivePreferences({ ...old, ...changes, ...saved }),
      );
      await queryClient.invalidateQueries({ queryKey: notificationsKeys.preferences() });
    },
  });
}
