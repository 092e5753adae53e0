import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ActingBanner } from '../features/assisted/components/acting-banner';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/ui/language-switch';
import { useLogout, useSession } from '../features/auth/api/auth.api';
import { NotificationBell } from '../features/notifications/components/notification-bell';

function AccountControls() {
  const { t } = useTranslation();
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  if (session.status === 'authenticated') {
    return (
      <div className="account">
        <NotificationBell />
        <span className="account__name">
          {t('nav.signedInAs', { name: session.me.displayName })}
        </span>
        <button
          type="button"
          className="button button--ghost"
          disabled={logout.isPending}
          onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/') })}
        >
          {t('nav.logout')}
        </button>
      </div>
    );
  }
  if (session.status === 'loading') return null;
  return (
    <div className="account">
      <NavLink className="button button--ghost" to="/login">
        {t('nav.login')}
      </NavLink>
      <NavLink className="button button--primary" to="/signup">
        {t('nav.signup')}
      </NavLink>
    </div>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After a client-side navigation, start reading at the new page (as a full load would).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // Without scrolling past the header: a new page opens at its top, as after a full load.
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname]);

  // A town's moderators and staff reach its queue (staff read its audit log from there).
  const moderates =
    session.status === 'authenticated'
      ? session.me.roles.find((r) => r.role === 'moderator' || r.role === 'staff')?.municipality
      : undefined;

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="header">
        <Link to="/" className="header__brand" aria-label={t('app.homeLink')}>
          <span className="header__logo" aria-hidden="true">
            ◍
          </span>
          <span>{t('app.name')}</span>
        </Link>
        <nav aria-label={t('nav.label')} className="header__nav">
          <NavLink to="/listings" end>
            {t('nav.listings')}
          </NavLink>
          <NavLink to="/listings/new">{t('nav.publish')}</NavLink>
          {session.status === 'authenticated' ? (
            <>
              <NavLink to="/exchanges">{t('nav.exchanges')}</NavLink>
              <NavLink to="/messages">{t('nav.messages')}</NavLink>
              {moderates ? (
                <NavLink to={`/t/${encodeURIComponent(moderates)}/moderation`}>
                  {t('nav.moderation')}
                </NavLink>
              ) : null}
              <NavLink to={`/t/${encodeURIComponent(session.me.municipality)}/library`}>
                {t('library.nav')}
              </NavLink>
              {session.me.roles.some((r) => r.role === 'staff') ? (
                <NavLink to="/staff/assisted">{t('assisted.nav')}</NavLink>
              ) : null}
              <NavLink to="/settings/account">{t('nav.account')}</NavLink>
              {session.me.verified ? null : <NavLink to="/verify">{t('nav.verify')}</NavLink>}
              {session.me.roles.some((r) => r.role === 'staff') ? (
                <NavLink to="/staff/verification-codes">{t('nav.verificationCodes')}</NavLink>
              ) : null}
            </>
          ) : null}
        </nav>
        <div className="header__tools">
          <LanguageSwitch />
          <AccountControls />
        </div>
      </header>
      <ActingBanner />
      <main id="main" ref={main} tabIndex={-1} className="main">
        <Outlet />
      </main>
      <footer className="footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
