import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import { apiError, mockFetch, pathOf } from '../../../test/test-utils';
import { LANGUAGE_STORAGE_KEY } from '../../lib/i18n';
import { Layout } from '../layout';
import { HomeRoute } from '../routes/home-route';

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
});
