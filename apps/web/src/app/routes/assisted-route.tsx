import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { hasRole } from '@partagora/domain';
import { StatusMessage } from '../../components/ui/status-message';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { AssistedDesk } from '../../features/assisted/components/assisted-desk';
import { useTown } from '../../features/verification/api/verification.api';
import { useSignedInUser } from '../require-auth';

/** `/staff/assisted?town=<slug>`: the assisted-mode desk of a town's staff. */
export function AssistedRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('assisted.title'));
  const me = useSignedInUser();
  const [params] = useSearchParams();
  const towns = [...new Set(me.roles.filter((r) => r.role === 'staff').map((r) => r.municipality))];
  const wanted = params.get('town');
  const slug = wanted && hasRole(me.roles, wanted, 'staff') ? wanted : towns[0];
  const town = useTown(slug ?? '');
  return (
    <div className="narrow">
      <h1>{t('assisted.title')}</h1>
      <p>{t('assisted.intro')}</p>
      {!slug ? <p className="alert alert--error">{t('assisted.staffOnly')}</p> : null}
      {slug && town.isPending ? <StatusMessage>{t('common.loading')}</StatusMessage> : null}
      {slug && town.data ? <AssistedDesk slug={slug} centre={town.data.centre} /> : null}
    </div>
  );
}
