import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Me } from '@partagora/domain';
import { apiError, mockFetch, pathOf, renderWithProviders } from '../../../../test/test-utils';
import { ProfileSettingsForm } from '../components/profile-settings-form';

const me: Me = {
  id: 'u1',
  email: 'camille@example.fr',
  displayName: 'Camille',
  municipality: 'dinan',
  home: { lat: 48.4554, lng: -2.0503 },
  approxHome: { lat: 48.457, lng: -2.048 },
  locale: 'fr',
  verification: 'unverified',
  verified: false,
  verifiedAt: null,
  emailConfirmed: true,
  roles: [{ municipality: 'dinan', role: 'resident' }],
  createdAt: '2026-01-01T00:00:00.000Z',
};

const lookup = () =>
  Promise.resolve([
    {
      label: 'Rue du Jerzual, 22100 Dinan',
      kind: 'street' as const,
      location: { lat: 48.456, lng: -2.047 },
    },
  ]);

describe(ProfileSettingsForm.name, () => {
  it('should save the display name and the language to the account', async () => {
    const { calls } = mockFetch((call) => ({
      status: 200,
      body: { ...me, ...(call.body as object) },
    }));
    const onSaved = jest.fn();
    const user = userEvent.setup();
    renderWithProviders(<ProfileSettingsForm me={me} onSaved={onSaved} lookup={lookup} />);
    const name = screen.getByLabelText('Nom affiché');
    await user.clear(name);
    await user.type(name, 'Camille R.');
    await user.selectOptions(screen.getByLabelText('Langue de l’interface et des e-mails'), 'en');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Modifications enregistrées.')).toBeTruthy();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: 'PATCH',
      body: { displayName: 'Camille R.', locale: 'en' },
    });
    expect(pathOf(calls[0]!.url)).toBe('/api/v1/me');
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ locale: 'en' }));
  });

  it('should refuse a one-letter name without calling the API', async () => {
    const { calls } = mockFetch(() => ({ status: 200, body: me }));
    const user = userEvent.setup();
    renderWithProviders(<ProfileSettingsForm me={me} onSaved={jest.fn()} lookup={lookup} />);
    const name = screen.getByLabelText('Nom affiché');
    await user.clear(name);
    await user.type(name, 'C');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(screen.getByText('Entre 2 et 60 caractères.')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('should move home to the address chosen in the search', async () => {
    const { calls } = mockFetch(() => ({ status: 200, body: me }));
    const user = userEvent.setup();
    renderWithProviders(<ProfileSettingsForm me={me} onSaved={jest.fn()} lookup={lookup} />);
    await user.type(screen.getByRole('combobox', { name: 'Nouvelle adresse' }), 'jerzual');
    await user.click(await screen.findByRole('option', { name: /Jerzual/ }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer ma nouvelle adresse' }));
    expect(await screen.findByText(/Adresse enregistrée : Rue du Jerzual/)).toBeTruthy();
    expect(calls[0]).toMatchObject({
      method: 'PATCH',
      body: { home: { lat: 48.456, lng: -2.047 } },
    });
  });

  it('should say a home outside the town is refused, on the address field', async () => {
    mockFetch(() => apiError(422, 'HOME_OUTSIDE_MUNICIPALITY', [{ path: 'home', message: 'x' }]));
    const user = userEvent.setup();
    renderWithProviders(<ProfileSettingsForm me={me} onSaved={jest.fn()} lookup={lookup} />);
    const field = screen.getByRole('combobox', { name: 'Nouvelle adresse' });
    await user.type(field, 'jerzual');
    await user.click(await screen.findByRole('option', { name: /Jerzual/ }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer ma nouvelle adresse' }));
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
  });
});
