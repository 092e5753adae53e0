import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { useTownOrganisations, useVerifyOrganisation } from '../api/organisations.api';

/** Staff console: the town's pending shops and associations, to verify. */
export function PendingOrganisations({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const pending = useTownOrganisations(slug, { status: 'pending' });
  const verify = useVerifyOrganisation();
  if (pending.isPending) return <StatusMessage>{t('common.loading')}</StatusMessage>;
  if (pending.isError)
    return <ApiErrorAlert error={pending.error} onRetry={() => void pending.refetch()} />;
  return (
    <section aria-labelledby="pending-orgs">
      <h2 id="pending-orgs">{t('organisations.staff.pendingTitle')}</h2>
      {verify.error ? <ApiErrorAlert error={verify.error} /> : null}
      {verify.isSuccess ? <p role="status">{t('organisations.staff.verified')}</p> : null}
      {pending.data.items.length === 0 ? (
        <p className="empty">{t('organisations.staff.nonePending')}</p>
      ) : (
        <ul className="organisation-list">
          {pending.data.items.map((o) => (
            <li key={o.id}>
              <h3>
                <Link to={`/organisations/${o.id}`}>{o.name}</Link>
              </h3>
              <p>
                {t(`organisations.kinds.${o.kind}`)} · {o.address}
              </p>
              {o.description ? <p>{o.description}</p> : null}
              <button
                type="button"
                className="button button--primary"
                disabled={verify.isPending}
                aria-busy={verify.isPending && verify.variables === o.id}
                onClick={() => verify.mutate(o.id)}
              >
                {t('organisations.staff.verify', { name: o.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
