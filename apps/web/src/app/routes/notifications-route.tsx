import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { NotificationList } from '../../features/notifications/components/notification-list';

export function NotificationsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('notifications.pageTitle'));
  return (
    <div className="narrow">
      <h1>{t('notifications.pageTitle')}</h1>
      <p className="actions">
        <Link to="/settings/notifications">{t('notifications.settingsLink')}</Link>
        <Link to="/alerts">{t('notifications.alertsLink')}</Link>
      </p>
      <NotificationList />
    </div>
  );
}
