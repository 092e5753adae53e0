import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { mockFetch, pathOf, renderWithProviders } from '../../../test/test-utils';
import { getAccessToken, setAccessToken } from '../../lib/api-client';
import { i18n } from '../../lib/i18n';
import { AccountSettingsRoute } from '../routes/account-settings-route';
import { GoodbyeRoute } from '../routes/goodbye-route';

function settingsPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/settings/account" element={<AccountSettingsRoute />} />
      <Route path="/goodbye" element={<GoodbyeRoute />} />
    </Routes>,
    { route: '/settings/account' },
  );
}

describe(AccountSettingsRoute.name, () => {
  it('should erase the account, sign out and say goodbye', async () => {
    setAccessToken('token-1');
    const { calls } = mockFetch((call) => {
      if (call.method === 'DELETE' && pathOf(call.url) === '/api/v1/me') return { status: 204 };
      if (pathOf(call.url) === '/api/v1/auth/logout') return { status: 204 };
      return { status: 500 };
    });
    settingsPage();
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer mon compte' }));
    await userEvent.type(
      screen.getByLabelText('Votre mot de passe, pour confirmer'),
      'correct horse battery staple',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer définitivement' }));

    expect(
      await screen.findByRole('heading', { name: 'Votre compte a été supprimé' }),
    ).toBeTruthy();
    await waitFor(() => expect(getAccessToken()).toBeNull());
    expect(calls.map((c) => `${c.method} ${pathOf(c.url)}`)).toEqual([
      'DELETE /api/v1/me',
      'POST /api/v1/auth/logout',
    ]);
    expect(calls[0]!.body).toEqual({ password: 'correct horse battery staple' });
  });

  it('should speak English too', async () => {
    await i18n.changeLanguage('en');
    mockFetch(() => ({ status: 500 }));
    settingsPage();
    expect(screen.getByRole('heading', { level: 1, name: 'My account' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Delete my account' }));
    expect(screen.getByRole('dialog', { name: 'Delete your account for good?' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download my data' })).toBeTruthy();
  });
});

describe(GoodbyeRoute.name, () => {
  it('should not sign anyone out when opened directly', async () => {
    setAccessToken('token-1');
    const { calls } = mockFetch(() => ({ status: 500 }));
    renderWithProviders(<GoodbyeRoute />, { route: '/goodbye' });
    expect(screen.getByRole('heading', { name: 'Votre compte a été supprimé' })).toBeTruthy();
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toHaveLength(0);
    expect(getAccessToken()).toBe('token-1');
  });
});
