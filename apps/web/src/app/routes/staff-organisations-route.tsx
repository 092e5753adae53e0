import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { hasRole } from '@partagora/domain';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { PendingOrganisations } from '../../features/organisations/components/pending-organisations';
import { useSignedInUser } from '../require-auth';

/** `/staff/organisations?town=<slug>`: that town's staff verify shops and associations. */
export function StaffOrganisationsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('organisations.staff.title'));
  const me = useSignedInUser();
  const [params] = useSearchParams();
  const towns = [...new Set(me.roles.filter((r) => r.role === 'staff').map((r) => r.municipality))];
  const wanted = params.get('town');
  const slug = wanted && hasRole(me.roles, wanted, 'staff') ? wanted : towns[0];
  return (
    <div className="narrow">
      <h1>{t('organisations.staff.title')}</h1>
      {slug ? (
        <PendingOrganisations key={slug} slug={slug} />
      ) : (
        <p className="alert alert--error">{t('organisations.staff.staffOnly')}</p>
      )}
    </div>
  );
}
