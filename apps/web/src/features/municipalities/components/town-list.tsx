import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { townThemeStyle } from '../../../lib/town-theme';
import { useMunicipalities } from '../api/municipalities.api';

/** The partner towns, each in its colour, linking to its page (no administrative codes). */
export function TownList() {
  const { t } = useTranslation();
  const towns = useMunicipalities();
  if (towns.isPending) return <StatusMessage>{t('towns.loading')}</StatusMessage>;
  if (towns.isError)
    return <ApiErrorAlert error={towns.error} onRetry={() => void towns.refetch()} />;
  if (towns.data.length === 0) return <p>{t('towns.empty')}</p>;
  return (
    <ul className="card-list" aria-label={t('towns.listLabel')}>
      {towns.data.map((town) => (
        <li
          key={town.slug}
          className="card town-card"
          style={townThemeStyle(town.branding.primaryColor)}
        >
          <h2 className="card__title">
            <Link to={`/t/${encodeURIComponent(town.slug)}`}>{town.name}</Link>
          </h2>
          {town.branding.tagline ? <p>{town.branding.tagline}</p> : null}
          <p className="card__meta">{t('shell.townCardCta')}</p>
        </li>
      ))}
    </ul>
  );
}
