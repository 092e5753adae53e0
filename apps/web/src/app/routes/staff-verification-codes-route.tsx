import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { hasRole } from '@partagora/domain';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { VerificationCodesPanel } from '../../features/verification/components/verification-codes-panel';
import { useSignedInUser } from '../require-auth';

/** `/staff/verification-codes?town=<slug>`: that town's staff only (the API checks it too). */
export function StaffVerificationCodesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('verification.staffTitle'));
  const me = useSignedInUser();
  const [params] = useSearchParams();
  const towns = [...new Set(me.roles.filter((r) => r.role === 'staff').map((r) => r.municipality))];
  const wanted = params.get('town');
  const slug = wanted && hasRole(me.roles, wanted, 'staff') ? wanted : towns[0];
  return (
    <div className="narrow staff-codes">
      <h1 className="no-print">{t('verification.staffTitle')}</h1>
      {slug ? (
        <>
          {towns.length > 1 ? (
            <nav aria-label={t('verification.townsLabel')} className="no-print">
              <ul>
                {towns.map((s) => (
                  <li key={s}>
                    <Link
                      to={`?town=${encodeURIComponent(s)}`}
                      aria-current={s === slug ? 'page' : undefined}
                    >
                      {s}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <VerificationCodesPanel key={slug} slug={slug} />
        </>
      ) : (
        <p className="alert alert--error">{t('verification.staffOnly')}</p>
      )}
    </div>
  );
}
