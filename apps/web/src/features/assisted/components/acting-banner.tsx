import { useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { getActing, subscribeActing } from '../../../lib/api-client';
import { stopActing } from '../api/assisted.api';

/** "Vous agissez pour X": shown on every page while staff act for a resident, with a stop button. */
export function ActingBanner() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const acting = useSyncExternalStore(subscribeActing, getActing, getActing);
  if (!acting) return null;
  return (
    <div className="acting-banner" role="region" aria-label={t('assisted.bannerLabel')}>
      <p>
        <strong>{t('assisted.actingFor', { name: acting.displayName })}</strong>{' '}
        {t('assisted.actingUntil', {
          time: new Date(acting.expiresAt).toLocaleTimeString([], {
            hour: '2-digit',
            minute: '2-digit',
          }),
        })}
      </p>
      <button
        type="button"
        className="button button--primary"
        onClick={() => {
          void stopActing(acting.residentId).then(() => queryClient.clear());
        }}
      >
        {t('assisted.stop')}
      </button>
    </div>
  );
}
