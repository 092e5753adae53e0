import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { useConfirmEmail, useResendConfirmation, useSession } from '../api/auth.api';

/** A new link, for a signed-in member whose link no longer works. */
function ResendLink() {
  const { t } = useTranslation();
  const session = useSession();
  const resend = useResendConfirmation();
  if (session.status !== 'authenticated' || session.me.emailConfirmed) return null;
  if (resend.isSuccess) return <p role="status">{t('account.resendDone')}</p>;
  return (
    <>
      {resend.isError ? <ApiErrorAlert error={resend.error} /> : null}
      <button
        type="button"
        className="button button--secondary"
        disabled={resend.isPending}
        onClick={() => resend.mutate()}
      >
        {t('account.resend')}
      </button>
    </>
  );
}

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
  if (confirm.isError) {
    return (
      <>
        <ApiErrorAlert error={confirm.error} />
        <ResendLink />
      </>
    );
  }
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
