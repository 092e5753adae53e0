import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { NotificationPreferencesForm } from '../../features/notifications/components/notification-preferences-form';

export function NotificationSettingsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('notificationPrefs.pageTitle'));
  return (
    <div className="narrow">
      <p>
        <Link to="/notifications">{t('notificationPrefs.back')}</Link>
      </p>
      <h1>{t('notificationPrefs.pageTitle')}</h1>
      <p className="lead">{t('notificationPrefs.intro')}</p>
      <NotificationPreferencesForm />
    </div>
  );
}
