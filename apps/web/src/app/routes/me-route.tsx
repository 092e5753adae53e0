import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../components/ui/language-switch';
import { useDocumentTitle } from '../../components/ui/use-document-title';
import { useLogout } from '../../features/auth/api/auth.api';
import { useSignedInUser } from '../require-auth';

/**
 * `/me`, the "Profil" tab: who I am signed in as and everything about my account in one list
 * (my public profile, settings, alerts, verification, language, logout), so a phone needs no
 * header menu for them.
 */
export function MeRoute() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const logout = useLogout();
  const navigate = useNavigate();
  useDocumentTitle(t('shell.meTitle'));
  return (
    <div className="narrow">
      <h1>{t('shell.meTitle')}</h1>
      <p className="lead">{t('nav.signedInAs', { name: me.displayName })}</p>
      <ul className="link-list">
        <li>
          <Link to={`/users/${encodeURIComponent(me.id)}`}>{t('shell.publicProfile')}</Link>
        </li>
        <li>
          <Link to="/settings/account">{t('nav.account')}</Link>
        </li>
        <li>
          <Link to="/settings/notifications">{t('shell.notificationSettings')}</Link>
        </li>
        <li>
          <Link to="/alerts">{t('shell.myAlerts')}</Link>
        </li>
        <li>
          <Link to="/notifications">{t('shell.notifications')}</Link>
        </li>
        {me.verified ? null : (
          <li>
            <Link to="/verify">{t('nav.verify')}</Link>
          </li>
        )}
        <li>
          <Link to={`/t/${encodeURIComponent(me.municipality)}`}>{t('shell.myTown')}</Link>
        </li>
      </ul>
      <div className="actions">
        <LanguageSwitch />
        <button
          type="button"
          className="button button--secondary"
          disabled={logout.isPending}
          onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/') })}
        >
          {t('nav.logout')}
        </button>
      </div>
    </div>
  );
}
