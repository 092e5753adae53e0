import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { hasRole, type Municipality } from '@partagora/domain';
import { ApiErrorAlert } from '../../components/ui/api-error-alert';
import { StatusMessage } from '../../components/ui/status-message';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useSession } from '../../features/auth/api/auth.api';
import { useMunicipality } from '../../features/municipalities/api/municipalities.api';

export interface TownPageContext {
  slug: string;
  town: Municipality;
  /** The signed-in member is staff of this town. */
  isStaff: boolean;
}

/**
 * The public pages of a town's services (initiatives, impact, open data): loads the town, says
 * whether the visitor is its staff, and links the three pages together.
 */
export function TownPageShell({
  title,
  children,
}: {
  title: (town: Municipality) => string;
  children: (ctx: TownPageContext) => ReactNode;
}) {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const town = useMunicipality(slug);
  const session = useSession();
  useDocumentTitle(town.data ? title(town.data) : undefined);
  if (town.isPending) return <StatusMessage>{t('common.loading')}</StatusMessage>;
  if (town.isError) return <ApiErrorAlert error={town.error} onRetry={() => void town.refetch()} />;
  const isStaff = session.status === 'authenticated' && hasRole(session.me.roles, slug, 'staff');
  const base = `/t/${encodeURIComponent(slug)}`;
  return (
    <div className="town-services">
      <nav aria-label={t('townData.nav.label', { town: town.data.name })}>
        <ul className="tabs">
          <li>
            <Link to={base}>{town.data.name}</Link>
          </li>
          <li>
            <Link to={`${base}/initiatives`}>{t('townData.nav.initiatives')}</Link>
          </li>
          <li>
            <Link to={`${base}/impact`}>{t('townData.nav.impact')}</Link>
          </li>
          <li>
            <Link to={`${base}/open-data`}>{t('townData.nav.openData')}</Link>
          </li>
        </ul>
      </nav>
      {children({ slug, town: town.data, isStaff })}
    </div>
  );
}
