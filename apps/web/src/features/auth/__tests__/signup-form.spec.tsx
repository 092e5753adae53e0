import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Me, MunicipalitySummary } from '@partagora/domain';
import {
  apiError,
  describedText,
  mockFetch,
  pathOf,
  renderWithProviders,
} from '../../../../test/test-utils';
import { getAccessToken } from '../../../lib/api-client';
import { SignupForm } from '../components/signup-form';

// Leaflet needs a real layout: the map is replaced, the latitude/longitude fields remain.
jest.mock('../../../components/map/location-picker-map', () => ({ LocationPickerMap: () => null }));

const towns: MunicipalitySummary[] = [
  {
    slug: 'saint-exemple',
    name: 'Saint-Exemple',
    inseeCode: '35999',
    centre: { lat: 48.11, lng: -1.68 },
    branding: { primaryColor: '#1f5f3f', tagline: null },
  },
  {
    slug: 'autreville',
    name: 'Autreville',
    inseeCode: '35998',
    centre: { lat: 48.2, lng: -1.5 },
    branding: { primaryColor: '#1f5f3f', tagline: null },
  },
];

const me: Me = {
  id: 'u1',
  email: 'camille@example.fr',
  displayName: 'Camille',
  municipality: 'saint-exemple',
  home: { lat: 48.1101, lng: -1.6802 },
  approxHome: { lat: 48.112, lng: -1.678 },
  locale: 'fr',
  verification: 'unverified',
  verified: false,
  verifiedAt: null,
  emailConfirmed: false,
  roles: [{ municipality: 'saint-exemple', role: 'resident' }],
  createdAt: '2025-01-01T00:00:00.000Z',
};

async function fillValidForm(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Adresse e-mail'), 'Camille@Example.fr');
  await user.type(screen.getByLabelText('Mot de passe'), 'un-long-secret');
  await user.type(screen.getByLabelText('Nom affiché'), 'Camille');
  await user.type(screen.getByLabelText('Latitude'), '48,1101');
  await user.type(screen.getByLabelText('Longitude'), '-1.6802');
}

describe(SignupForm.name, () => {
  it('should show field errors from client validation and not call the API', async () => {
    const { fn } = mockFetch(() => ({ status: 500 }));
    const user = userEvent.setup();
    renderWithProviders(<SignupForm towns={towns} onSuccess={jest.fn()} />);

    await user.type(screen.getByLabelText('Adresse e-mail'), 'pas-une-adresse');
    await user.type(screen.getByLabelText('Mot de passe'), 'court');
    await user.click(screen.getByRole('button', { name: 'Créer mon compte' }));

    const email = screen.getByLabelText('Adresse e-mail');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(email)).toContain('Saisissez une adresse e-mail valide.');
    expect(describedText(screen.getByLabelText('Mot de passe'))).toContain(
      'Au moins 8 caractères.',
    );
    expect(describedText(screen.getByLabelText('Commune'))).toContain('Ce champ est obligatoire.');
    expect(describedText(screen.getByLabelText('Latitude'))).toContain('Ce champ est obligatoire.');
    expect(fn).not.toHaveBeenCalled();
  });

  it('should preselect the town and send a payload the API accepts', async () => {
    const { calls } = mockFetch(() => ({
      status: 201,
      body: { user: me, accessToken: 'token-1' },
    }));
    const onSuccess = jest.fn();
    const user = userEvent.setup();
    renderWithProviders(
      <SignupForm towns={towns} initialTown="autreville" onSuccess={onSuccess} />,
    );

    expect(screen.getByLabelText<HTMLSelectElement>('Commune').value).toBe('autreville');
    await fillValidForm(user);
    await user.click(screen.getByRole('button', { name: 'Créer mon compte' }));

    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith(me));
    expect(pathOf(calls[0]?.url ?? '')).toBe('/api/v1/auth/register');
    expect(calls[0]?.body).toEqual({
      email: 'camille@example.fr',
      password: 'un-long-secret',
      displayName: 'Camille',
      municipality: 'autreville',
      home: { lat: 48.1101, lng: -1.6802 },
      locale: 'fr',
    });
    expect(getAccessToken()).toBe('token-1');
  });

  it('should put a server EMAIL_TAKEN on the e-mail field', async () => {
    mockFetch(() => apiError(409, 'EMAIL_TAKEN'));
    const onSuccess = jest.fn();
    const user = userEvent.setup();
    renderWithProviders(
      <SignupForm towns={towns} initialTown="saint-exemple" onSuccess={onSuccess} />,
    );

    await fillValidForm(user);
    await user.click(screen.getByRole('button', { name: 'Créer mon compte' }));

    const email = screen.getByLabelText('Adresse e-mail');
    await waitFor(() =>
      expect(describedText(email)).toContain('Un compte existe déjà avec cette adresse e-mail.'),
    );
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(onSuccess).not.toHaveBeenCalled();
    expect(getAccessToken()).toBeNull();
  });

  it('should map VALIDATION_FAILED details onto the matching fields', async () => {
    mockFetch(() =>
      apiError(400, 'VALIDATION_FAILED', [
        { path: 'displayName', message: 'name not allowed' },
        { path: ['home', 'lng'], message: 'out of range' },
      ]),
    );
    const user = userEvent.setup();
    renderWithProviders(
      <SignupForm towns={towns} initialTown="saint-exemple" onSuccess={jest.fn()} />,
    );

    await fillValidForm(user);
    await user.click(screen.getByRole('button', { name: 'Créer mon compte' }));

    await waitFor(() =>
      expect(describedText(screen.getByLabelText('Nom affiché'))).toContain(
        'Valeur refusée : name not allowed',
      ),
    );
    expect(describedText(screen.getByLabelText('Longitude'))).toContain(
      'Valeur refusée : out of range',
    );
    expect(screen.getByLabelText('Adresse e-mail').getAttribute('aria-invalid')).toBeNull();
  });

  it('should show a translated alert for an error no field can hold', async () => {
    mockFetch(() => apiError(429, 'RATE_LIMITED'));
    const user = userEvent.setup();
    renderWithProviders(
      <SignupForm towns={towns} initialTown="saint-exemple" onSuccess={jest.fn()} />,
    );

    await fillValidForm(user);
    await user.click(screen.getByRole('button', { name: 'Créer mon compte' }));

    expect((await screen.findByRole('alert')).textContent).toContain(
      'Trop de tentatives. Patientez un instant puis réessayez.',
    );
  });

  it('should place the home from a typed address, the map and coordinates staying a refinement', async () => {
    const { calls } = mockFetch((call) =>
      pathOf(call.url) === '/api/v1/geocode'
        ? {
            status: 200,
            body: {
              items: [
                {
                  label: '3 Rue de la Paix, 35999 Saint-Exemple',
                  kind: 'housenumber',
                  location: { lat: 48.1107, lng: -1.6791 },
                },
              ],
              nextCursor: null,
            },
          }
        : { status: 201, body: { user: me, accessToken: 'token-1' } },
    );
    const onSuccess = jest.fn();
    const user = userEvent.setup();
    renderWithProviders(
      <SignupForm towns={towns} initialTown="saint-exemple" onSuccess={onSuccess} />,
    );
    await user.type(screen.getByLabelText('Adresse e-mail'), 'camille@example.fr');
    await user.type(screen.getByLabelText('Mot de passe'), 'un-long-secret');
    await user.type(screen.getByLabelText('Nom affiché'), 'Camille');
    await user.type(screen.getByRole('combobox', { name: 'Votre adresse' }), '3 rue de la paix');
    await user.click(await screen.findByRole('option', { name: /3 Rue de la Paix/ }));
    expect(screen.getByLabelText<HTMLInputElement>('Latitude').value).toBe('48.1107');
    expect(screen.getByLabelText<HTMLInputElement>('Longitude').value).toBe('-1.6791');
    await user.click(screen.getByRole('button', { name: 'Créer mon compte' }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalled());
    const registerCall = calls.find((c) => pathOf(c.url) === '/api/v1/auth/register')!;
    expect(registerCall.body).toMatchObject({
      municipality: 'saint-exemple',
      home: { lat: 48.1107, lng: -1.6791 },
    });
    const geocode = calls.find((c) => pathOf(c.url) === '/api/v1/geocode')!;
    expect(geocode.url).toContain('municipality=saint-exemple');
  });
});
