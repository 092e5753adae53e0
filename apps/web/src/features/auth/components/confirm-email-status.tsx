import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { useConfirmEmail } from '../api/auth.api';

/** Sends the token of the registration link once, and says how it went. */
export function ConfirmEmailStatus({ token }: { token: string | null }) {
  const { t } = useTranslation();
  const confirm = useConfirmEmail();
  const sent = useRef(false);
  const { mutate } = confirm;

  useEffect(() => {
    // Once per page (React's strict mode runs effects twice; the token is single use).
    if (!token || sent.current) return;
    sent.current = true;
    mutate({ token });
  }, [token, mutate]);

  if (!token) return <p className="alert alert--error">{t('account.confirmMissing')}</p>;
  if (confirm.isError) return <ApiErrorAlert error={confirm.error} />;
  if (confirm.isSuccess) {
    return (
      <div role="status" className="alert alert--success">
        <p>{t('account.confirmDone')}</p>
        <p>
          <Link to="/listings">{t('account.continue')}</Link>
        </p>
      </div>
    );
  }
  return <StatusMessage>{t('account.confirming')}</StatusMessage>;
}
