import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BaseMap } from '../../../components/map/base-map';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { useDocumentTitle } from '../../../components/ui/use-document-title';
import { townThemeStyle } from '../../../lib/town-theme';
import { useMunicipality } from '../api/municipalities.api';
import { TownBoundary } from '../map/town-boundary-layer';

export interface TownHomeProps {
  slug: string;
  /**
   * A member is offered the listings and publishing, never to sign up again; `null` while the
   * session is being restored (neither is offered yet).
   */
  signedIn: boolean | null;
  /** The town's other pages (news, events…), composed by the app. */
  sections?: ReactNode;
}

/**
 * A town's public page, in the town's colour: who it is, its boundary, its figures, and how to
 * join (or, for a member, where to go next).
 */
export function TownHome({ slug, signedIn, sections }: TownHomeProps) {
  const { t } = useTranslation();
  const town = useMunicipality(slug);
  useDocumentTitle(town.data?.name);
  if (town.isPending) return <StatusMessage>{t('common.loading')}</StatusMessage>;
  if (town.isError) {
    return (
      <>
        <ApiErrorAlert error={town.error} onRetry={() => void town.refetch()} />
        <p>
          <Link to="/">{t('towns.allTowns')}</Link>
        </p>
      </>
    );
  }
  const { name, branding, boundary, centre, stats } = town.data;
  return (
    <article className="town" style={townThemeStyle(branding.primaryColor)}>
      <header className="town__header">
        <h1>{name}</h1>
        {branding.tagline ? <p className="town__tagline">{branding.tagline}</p> : null}
      </header>
      <section aria-label={t('towns.statsLabel')}>
        <ul className="stats">
          <li>{t('towns.residents', { count: stats.residents })}</li>
          <li>{t('towns.listings', { count: stats.listings })}</li>
        </ul>
      </section>
      <div className="actions">
        {signedIn === null ? (
          <Link className="button button--secondary" to="/listings">
            {t('towns.listingsCta')}
          </Link>
        ) : signedIn ? (
          <>
            <Link className="button button--primary town__cta" to="/listings">
              {t('towns.listingsCta')}
            </Link>
            <Link className="button button--secondary" to="/listings/new">
              {t('nav.publish')}
            </Link>
          </>
        ) : (
          <>
            <Link
              className="button button--primary town__cta"
              to={`/signup?town=${encodeURIComponent(slug)}`}
            >
              {t('towns.signupCta')}
            </Link>
            <Link className="button button--secondary" to="/listings">
              {t('towns.listingsCta')}
            </Link>
          </>
        )}
      </div>
      {sections}
      <BaseMap center={centre} zoom={13} label={t('towns.townMap', { name })}>
        <TownBoundary boundary={boundary} fit />
      </BaseMap>
      <p>
        <Link to="/">{t('towns.allTowns')}</Link>
      </p>
    </article>
  );
}
