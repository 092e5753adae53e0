import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ALERT_LIMITS, type ListingCategory, type ListingKind } from '@partagora/domain';
import type { LatLng } from '@partagora/geo';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { useCreateAlert } from '../api/alerts.api';

export interface SaveSearchAlertProps {
  /** `null`: around my home (the API's default centre). */
  centre: LatLng | null;
  /** Metres. */
  radius: number;
  filters: { kind?: ListingKind; category?: ListingCategory; q?: string };
}

/**
 * "Create an alert for this search", beside the search: one click saves the search on screen
 * (`POST /alerts`) and says so, with a link to my alerts.
 */
export function SaveSearchAlert({ centre, radius, filters }: SaveSearchAlertProps) {
  const { t } = useTranslation();
  const create = useCreateAlert();
  const key = JSON.stringify([centre, radius, filters]);
  // A new search can be saved again; the one just saved says it was.
  const [savedKey, setSavedKey] = useState<string | null>(null);
  const saved = savedKey === key;
  return (
    <div className="save-alert">
      {saved ? (
        <p className="save-alert__done" role="status">
          {t('shell.alertSaved')} <Link to="/alerts">{t('shell.alertsLink')}</Link>
        </p>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          disabled={create.isPending}
          aria-busy={create.isPending}
          onClick={() =>
            create.mutate(
              {
                ...(centre ? { centre } : {}),
                radius: Math.min(ALERT_LIMITS.radiusMax, Math.max(ALERT_LIMITS.radiusMin, radius)),
                ...(filters.kind ? { kind: filters.kind } : {}),
                ...(filters.category ? { category: filters.category } : {}),
                ...(filters.q ? { q: filters.q } : {}),
              },
              { onSuccess: () => setSavedKey(key) },
            )
          }
        >
          {t('shell.saveAlert')}
        </button>
      )}
      {create.isError ? <ApiErrorAlert error={create.error} /> : null}
    </div>
  );
}
