import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { ResetPasswordForm } from '../../features/auth/components/reset-password-form';

/** `/reset-password?token=…`: the link of the reset e-mail (valid 1 hour, once). */
export function ResetPasswordRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.resetTitle'));
  const [params] = useSearchParams();
  const [token] = useState(() => params.get('token'));
  // The token leaves the address bar (history, shoulder surfing) once it is read.
  useEffect(() => window.history.replaceState(null, '', window.location.pathname), []);
  return (
    <div className="narrow">
      <h1>{t('account.resetTitle')}</h1>
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p className="alert alert--error">
          {t('account.resetMissing')} <Link to="/forgot-password">{t('account.askAgain')}</Link>
        </p>
      )}
    </div>
  );
}
