import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notificationLink } from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { formatDateTime } from '../../../lib/dates';
import {
  useMarkNotificationsRead,
  useNotifications,
  useUnreadCount,
} from '../api/notifications.api';
import { notificationText } from '../lib/notification-text';

/** `/notifications`: newest first, unread ones said so in words; one or all can be marked read. */
export function NotificationList() {
  const { t, i18n } = useTranslation();
  const list = useNotifications();
  const unread = useUnreadCount();
  const markRead = useMarkNotificationsRead();
  if (list.isPending) return <StatusMessage>{t('notifications.loading')}</StatusMessage>;
  if (!list.data) return <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.pages.flatMap((p) => p.items);
  const unreadCount = unread.data ?? list.data.pages[0]?.unreadCount ?? 0;
  return (
    <>
      <div className="notifications__bar">
        <p role="status">
          {unreadCount > 0
            ? t('notifications.unreadCount', { count: unreadCount })
            : t('notifications.allRead')}
        </p>
        <button
          type="button"
          className="button button--secondary"
          disabled={markRead.isPending || unreadCount === 0}
          onClick={() => markRead.mutate(undefined)}
        >
          {t('notifications.markAllRead')}
        </button>
      </div>
      {markRead.error ? <ApiErrorAlert error={markRead.error} /> : null}
      {items.length === 0 ? (
        <p className="empty-state">{t('notifications.empty')}</p>
      ) : (
        <ul className="notification-list">
          {items.map((n) => {
            const sentence = notificationText(t, n);
            const to = notificationLink(n.kind, n.data);
            const isUnread = n.readAt === null;
            return (
              <li
                key={n.id}
                data-testid="notification"
                className={['notification', isUnread ? 'notification--unread' : '']
                  .join(' ')
                  .trim()}
              >
                {isUnread ? (
                  <span className="badge notification__badge">
                    {t('notifications.unreadBadge')}
                  </span>
                ) : null}
                <p className="notification__text">
                  {to ? (
                    <Link
                      to={to}
                      onClick={() => {
                        if (isUnread) markRead.mutate([n.id]);
                      }}
                    >
                      {sentence}
                    </Link>
                  ) : (
                    sentence
                  )}
                </p>
                <p className="card__meta">
                  <time dateTime={n.createdAt}>{formatDateTime(i18n.language, n.createdAt)}</time>
                </p>
              </li>
            );
          })}
        </ul>
      )}
      {list.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? t('common.loading') : t('notifications.loadMore')}
        </button>
      ) : null}
    </>
  );
}
