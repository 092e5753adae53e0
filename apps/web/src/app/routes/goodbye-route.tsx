import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useLogout } from '../../features/auth/api/auth.api';

/**
 * `/goodbye`, after `DELETE /me`: the session is already gone on the server; here the app forgets
 * it too (token, cached data, refresh cookie). Signing out happens on this public page rather than
 * on the settings page, whose sign-in guard would send the visitor to the login page instead.
 */
export function GoodbyeRoute() {
  const { t } = useTranslation();
  const { state } = useLocation() as { state: { erased?: boolean } | null };
  const erased = state?.erased === true;
  const { mutate: logout } = useLogout();
  useDocumentTitle(t('goodbye.pageTitle'));
  useEffect(() => {
    if (erased) logout();
  }, [erased, logout]);
  return (
    <div className="narrow">
      <h1>{t('goodbye.title')}</h1>
      <p className="lead">{t('goodbye.body')}</p>
      <p>
        <Link to="/">{t('goodbye.home')}</Link>
      </p>
    </div>
  );
}
