import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useUnreadCount } from '../api/notifications.api';

/**
 * The header bell: a link to `/notifications` whose name starts with "Notifications" and says how
 * many are unread; the count is also announced politely when it changes.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  const label = count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bellNone');
  return (
    <>
      <NavLink to="/notifications" className="bell" aria-label={label} title={label}>
        <svg className="bell__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {count > 0 ? (
          <span className="bell__count" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        ) : null}
      </NavLink>
      <span className="visually-hidden" role="status">
        {unread.data !== undefined && count > 0 ? t('notifications.unreadCount', { count }) : ''}
      </span>
    </>
  );
}
