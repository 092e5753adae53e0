import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ActingBanner } from '../features/assisted/components/acting-banner';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import type { Me } from '@partagora/domain';
import { Icon } from '../components/ui/icons';
import { LanguageSwitch } from '../components/ui/language-switch';
import { MenuButton } from '../components/ui/menu-button';
import { OfflineBanner } from '../components/ui/offline-banner';
import { TabBar, type TabBarItem } from '../components/ui/tab-bar';
import { useLogout, useSession } from '../features/auth/api/auth.api';
import { useMunicipalities } from '../features/municipalities/api/municipalities.api';
import { townThemeStyle } from '../lib/town-theme';
import { staffMenuFor } from './nav-links';

// Signed-in only: its API module (and the realtime one behind it) stays out of the first load.
const NotificationBell = lazy(async () => ({
  default: (await import('../features/notifications/components/notification-bell'))
    .NotificationBell,
}));

/** Pages of the "Profil" tab: my hub and what it links to. */
const PROFILE_PATHS = /^\/(me|settings|alerts|verify|notifications)(\/|$)/;

function useTabs(me: Me | null): TabBarItem[] {
  const { t } = useTranslation();
  return [
    {
      to: '/listings',
      label: t('nav.listings'),
      icon: 'search',
      matches: (p) => p === '/listings' || (/^\/listings\//.test(p) && p !== '/listings/new'),
    },
    {
      to: '/listings/new',
      label: t('nav.publish'),
      icon: 'plus',
      matches: (p) => p === '/listings/new',
    },
    {
      to: '/exchanges',
      label: t('shell.exchangesTab'),
      icon: 'exchange',
      matches: (p) => p.startsWith('/exchanges'),
    },
    {
      to: '/messages',
      label: t('nav.messages'),
      icon: 'chat',
      matches: (p) => p.startsWith('/messages'),
    },
    {
      to: '/me',
      label: t('shell.profileTab'),
      icon: 'person',
      matches: (p) => PROFILE_PATHS.test(p) || (me !== null && p === `/users/${me.id}`),
    },
  ];
}

/** The "Mairie" menu of a town's staff and moderators: its console pages (`nav-links.ts`). */
function StaffMenu({ me, townName }: { me: Me; townName: (slug: string) => string }) {
  const { t } = useTranslation();
  const towns = staffMenuFor(me.roles);
  if (towns.length === 0) return null;
  return (
    <MenuButton className="staff-menu" label={t('shell.staffMenu')}>
      {towns.map(({ town, links }) => (
        <li key={town} className="menu__group">
          {towns.length > 1 ? <span className="menu__heading">{townName(town)}</span> : null}
          <ul>
            {links.map((link) => (
              <li key={link.id}>
                <NavLink className="menu__link" to={link.to(town)} end>
                  {link.label(t)}
                </NavLink>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </MenuButton>
  );
}

function SignedInTools({ me }: { me: Me }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <>
      <Suspense fallback={<span className="bell" aria-hidden="true" />}>
        <NotificationBell />
      </Suspense>
      <span className="account__name desktop-only">
        {t('nav.signedInAs', { name: me.displayName })}
      </span>
      <button
        type="button"
        className="button button--ghost desktop-only"
        disabled={logout.isPending}
        onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/') })}
      >
        {t('nav.logout')}
      </button>
    </>
  );
}

function AnonymousTools() {
  const { t } = useTranslation();
  return (
    <>
      <NavLink className="button button--ghost header__login" to="/login">
        {t('nav.login')}
      </NavLink>
      <NavLink className="button button--primary header__signup" to="/signup">
        {t('nav.signup')}
      </NavLink>
    </>
  );
}

/**
 * The frame of every page. Phones: a one-line header (brand, my town, the staff menu, the bell,
 * the language) and the five main sections in a bottom tab bar; wider screens: the same sections
 * in the header. Signed-in members are branded with their town's colour and never offered to
 * sign up; staff and moderators get the "Mairie" menu.
 */
export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const me = session.status === 'authenticated' ? session.me : null;
  const towns = useMunicipalities();
  const myTown = me ? towns.data?.find((town) => town.slug === me.municipality) : undefined;
  const townName = (slug: string) => towns.data?.find((x) => x.slug === slug)?.name ?? slug;
  const tabs = useTabs(me);

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

  return (
    <div
      className={me ? 'app app--signed-in' : 'app'}
      style={myTown ? townThemeStyle(myTown.branding.primaryColor) : undefined}
    >
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="header">
        <Link to="/" className="header__brand" aria-label={t('app.homeLink')}>
          <span className="header__logo" aria-hidden="true">
            ◍
          </span>
          <span className="header__name">{t('app.name')}</span>
        </Link>
        {me ? (
          <NavLink
            className="header__town"
            to={`/t/${encodeURIComponent(me.municipality)}`}
            aria-label={t('shell.myTownLabel', { name: myTown?.name ?? me.municipality })}
          >
            <Icon name="town" size={20} />
            <span className="header__town-name">{myTown?.name ?? t('shell.myTown')}</span>
          </NavLink>
        ) : null}
        <TabBar items={tabs} label={t('nav.label')} />
        <div className="header__tools">
          {me ? <StaffMenu me={me} townName={townName} /> : null}
          <LanguageSwitch />
          {me ? <SignedInTools me={me} /> : null}
          {session.status === 'anonymous' ? <AnonymousTools /> : null}
        </div>
      </header>
      <ActingBanner />
      <OfflineBanner />
      <main id="main" ref={main} tabIndex={-1} className="main">
        <Outlet />
      </main>
      <footer className="footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
