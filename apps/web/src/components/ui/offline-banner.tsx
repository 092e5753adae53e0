import { useTranslation } from 'react-i18next';
import { useOnlineStatus } from '../../lib/online-status';

/**
 * Says so when the device has no network: what is on screen stays readable (TanStack Query keeps
 * it, the service worker keeps the last search), and changes wait for the network to return.
 */
export function OfflineBanner() {
  const { t } = useTranslation();
  const online = useOnlineStatus();
  return (
    <div className="offline-banner-region" role="status">
      {online ? null : (
        <p className="offline-banner">
          <span aria-hidden="true">⚡ </span>
          {t('shell.offline')}
        </p>
      )}
    </div>
  );
}
