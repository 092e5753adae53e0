import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { formatDateTime } from '../../../lib/dates';
import { useAlerts, useDeleteAlert } from '../api/alerts.api';
import { alertDescription } from './alert-description';

/** My alerts, each described in words, with a delete button naming it. */
export function AlertList() {
  const { t, i18n } = useTranslation();
  const alerts = useAlerts();
  const remove = useDeleteAlert();
  if (alerts.isPending) return <StatusMessage>{t('alerts.loading')}</StatusMessage>;
  if (alerts.isError)
    return <ApiErrorAlert error={alerts.error} onRetry={() => void alerts.refetch()} />;
  const items = alerts.data.items;
  return (
    <>
      <p role="status" className="status-message">
        {t('alerts.count', { count: items.length })}
      </p>
      {remove.error ? <ApiErrorAlert error={remove.error} /> : null}
      {items.length === 0 ? (
        <p className="empty-state">{t('alerts.empty')}</p>
      ) : (
        <ul className="card-list">
          {items.map((alert) => {
            const description = alertDescription(t, i18n.language, alert);
            return (
              <li key={alert.id} className="card" data-testid="alert-row">
                <p className="card__title">{description}</p>
                <p className="card__meta">
                  {t('alerts.createdOn', { date: formatDateTime(i18n.language, alert.createdAt) })}
                </p>
                <button
                  type="button"
                  className="button button--danger"
                  disabled={remove.isPending}
                  aria-label={t('alerts.deleteLabel', { description })}
                  onClick={() => remove.mutate(alert.id)}
                >
                  {t('alerts.delete')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
