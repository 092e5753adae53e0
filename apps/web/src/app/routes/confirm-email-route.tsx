import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { ConfirmEmailStatus } from '../../features/auth/components/confirm-email-status';

/** `/confirm-email?token=…`: the link of the registration e-mail. */
export function ConfirmEmailRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.confirmTitle'));
  const [params] = useSearchParams();
  const [token] = useState(() => params.get('token'));
  // The token leaves the address bar (history, shoulder surfing) once it is read.
  useEffect(() => window.history.replaceState(null, '', window.location.pathname), []);
  return (
    <div className="narrow">
      <h1>{t('account.confirmTitle')}</h1>
      <ConfirmEmailStatus token={token} />
    </div>
  );
}
