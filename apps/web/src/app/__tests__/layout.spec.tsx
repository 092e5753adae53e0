import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import { apiError, mockFetch, pathOf } from '../../../test/test-utils';
import { LANGUAGE_STORAGE_KEY } from '../../lib/i18n';
import { Layout } from '../layout';
import { HomeRoute } from '../routes/home-route';

const me = (roles: Array<{ municipality: string; role: string }>) => ({
  id: 'u-1',
  email: 'clerc@example.test',
  displayName: 'Claire Clerc',
  municipality: 'saint-exemple',
  home: { lat: 48.11, lng: -1.68 },
  approxHome: { lat: 48.112, lng: -1.681 },
  locale: 'fr',
  verification: 'unverified',
  verified: false,
  verifiedAt: null,
  emailConfirmed: true,
  roles,
  createdAt: '2026-01-01T00:00:00.000Z',
});

const towns = {
  items: [
    {
      slug: 'saint-exemple',
      name: 'Saint-Exemple',
      inseeCode: '35999',
      centre: { lat: 48.11, lng: -1.68 },
      branding: { primaryColor: '#1d4f91', tagline: null },
    },
  ],
  nextCursor: null,
};

function signedInAs(roles: Array<{ municipality: string; role: string }>) {
  mockFetch((call) => {
    const path = pathOf(call.url);
    if (path === '/api/v1/auth/refresh') return { status: 200, body: { accessToken: 'tok' } };
    if (path === '/api/v1/me') return { status: 200, body: me(roles) };
    if (path === '/api/v1/notifications') {
      return { status: 200, body: { items: [], nextCursor: null, unreadCount: 0 } };
    }
    return { status: 200, body: towns };
  });
}

function renderApp() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={['/']}>
        <Routes>
          <Route element={<Layout />}>
            <Route path="/" element={<HomeRoute />} />
          </Route>
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe(Layout.name, () => {
  beforeEach(() => {
    mockFetch((call) => {
      if (pathOf(call.url) === '/api/v1/auth/refresh') return apiError(401, 'UNAUTHENTICATED');
      return {
        status: 200,
        body: {
          items: [
            {
              slug: 'saint-exemple',
              name: 'Saint-Exemple',
              inseeCode: '35999',
              centre: { lat: 48.11, lng: -1.68 },
              branding: { primaryColor: '#1f5f3f', tagline: null },
            },
          ],
          nextCursor: null,
        },
      };
    });
  });

  it('should switch the interface to English and remember the choice', async () => {
    const user = userEvent.setup();
    renderApp();

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Choisissez votre commune');
    expect(screen.getByRole('link', { name: 'Annonces' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Se connecter' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Switch to English' }));

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Choose your town');
    expect(screen.getByRole('link', { name: 'Listings' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Log in' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Annonces' })).toBeNull();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');

    await user.click(screen.getByRole('button', { name: 'Passer en français' }));

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Choisissez votre commune');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('fr');
  });

  it('should restore the session once at start-up and offer login when there is none', async () => {
    renderApp();

    expect(await screen.findByRole('link', { name: "S'inscrire" })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Saint-Exemple' }).getAttribute('href')).toBe(
      '/t/saint-exemple',
    );
    const refreshCalls = (globalThis.fetch as jest.Mock).mock.calls.filter(([url]) =>
      String(url).endsWith('/auth/refresh'),
    );
    expect(refreshCalls).toHaveLength(1);
  });

  it('should never offer a signed-in member to sign up, and brand the frame with their town', async () => {
    signedInAs([{ municipality: 'saint-exemple', role: 'resident' }]);
    const { container } = renderApp();

    expect(
      await screen.findByRole('link', { name: 'Ma commune : Saint-Exemple' }, { timeout: 5000 }),
    ).toBeTruthy();
    expect(screen.queryByRole('link', { name: "S'inscrire" })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Se connecter' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Mairie/ })).toBeNull();
    const tabs = within(screen.getByRole('navigation', { name: 'Navigation principale' }));
    expect(tabs.getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Annonces',
      'Publier',
      'Échanges',
      'Messages',
      'Profil',
    ]);
    expect(tabs.getByRole('link', { name: 'Profil' }).getAttribute('href')).toBe('/me');
    const app = container.querySelector<HTMLElement>('.app');
    expect(app?.style.getPropertyValue('--town-primary')).toBe('#1d4f91');
  });

  it("should give a town's staff the Mairie menu with the console pages their roles open", async () => {
    const user = userEvent.setup();
    signedInAs([
      { municipality: 'saint-exemple', role: 'resident' },
      { municipality: 'saint-exemple', role: 'staff' },
    ]);
    renderApp();

    const menu = await screen.findByRole('button', { name: /Mairie/ }, { timeout: 5000 });
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    await user.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    const list = document.getElementById(menu.getAttribute('aria-controls') ?? '');
    expect(list).toBeTruthy();
    const links = within(list!).getAllByRole('link');
    // Staff run the town's console; the moderation queue is the moderators'.
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ["Journal d'audit", '/t/saint-exemple/audit'],
      ['Codes de vérification', '/staff/verification-codes'],
      ['Actualités et alertes', '/t/saint-exemple/staff/posts'],
      ['Événements', '/staff/events?town=saint-exemple'],
      ['Organisations à vérifier', '/staff/organisations?town=saint-exemple'],
      ['Bricothèque', '/t/saint-exemple/library'],
      ['Accueil assisté', '/staff/assisted?town=saint-exemple'],
      ['Données ouvertes', '/t/saint-exemple/open-data'],
    ]);
    expect(links.some((a) => a.textContent === 'Modération')).toBe(false);

    await user.keyboard('{Escape}');
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(menu);
  });

  it('should give a moderator the moderation queue', async () => {
    const user = userEvent.setup();
    signedInAs([{ municipality: 'saint-exemple', role: 'moderator' }]);
    renderApp();
    await user.click(await screen.findByRole('button', { name: /Mairie/ }, { timeout: 5000 }));
    expect(screen.getByRole('link', { name: 'Modération' }).getAttribute('href')).toBe(
      '/t/saint-exemple/moderation',
    );
  });
});
