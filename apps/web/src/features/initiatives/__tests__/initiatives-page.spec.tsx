import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type FakeCall, mockFetch, pathOf, renderWithProviders } from '../../../../test/test-utils';
import { InitiativesPage } from '../components/initiatives-page';

jest.mock('../../../components/map/base-map', () => ({
  BaseMap: ({ label }: { label: string }) => <div role="region" aria-label={label} />,
}));
jest.mock('../map/initiatives-layer', () => ({ InitiativesLayer: () => null }));
jest.mock('../../../components/map/location-picker-map', () => ({
  LocationPickerMap: ({ label }: { label: string }) => <div role="region" aria-label={label} />,
}));

const garden = {
  id: '0b6f1c4e-5d2a-4c1b-9e8f-1a2b3c4d5e6f',
  name: 'Jardin partagé des remparts',
  practice: 'shared-garden',
  description: 'Le mercredi après-midi.',
  location: { lat: 48.456, lng: -2.049 },
  url: 'https://jardin.example.org',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function api(calls: FakeCall[]) {
  return (call: FakeCall) => {
    calls.push(call);
    const path = pathOf(call.url);
    if (path === '/api/v1/municipalities/dinan/initiatives' && call.method === 'POST') {
      return { status: 201, body: { ...garden, id: 'new', ...(call.body as object) } };
    }
    if (path === '/api/v1/municipalities/dinan/initiatives') {
      return { status: 200, body: { items: [garden], nextCursor: null } };
    }
    return { status: 404 };
  };
}

const props = { slug: 'dinan', townName: 'Dinan', centre: { lat: 48.45, lng: -2.05 } };

describe(InitiativesPage.name, () => {
  it('should list the initiatives with their practice for anyone, without staff buttons', async () => {
    mockFetch(api([]));
    renderWithProviders(<InitiativesPage {...props} canEdit={false} />);
    expect(
      await screen.findByRole(
        'heading',
        { name: 'Jardin partagé des remparts' },
        { timeout: 5000 },
      ),
    ).toBeTruthy();
    expect(screen.getByText('Jardin partagé, agriculture urbaine')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Carte des initiatives de Dinan' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ajouter une initiative' })).toBeNull();
  });

  it('should let staff add one, sending what the API validates', async () => {
    const calls: FakeCall[] = [];
    mockFetch(api(calls));
    const user = userEvent.setup();
    renderWithProviders(<InitiativesPage {...props} canEdit />);
    await screen.findByRole('heading', { name: 'Jardin partagé des remparts' }, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Ajouter une initiative' }));
    await user.type(screen.getByLabelText('Nom'), 'Repair café');
    await user.selectOptions(screen.getByLabelText('Pratique'), 'repair-cafe');
    await user.type(screen.getByLabelText('Latitude'), '48.455');
    await user.type(screen.getByLabelText('Longitude'), '-2.05');
    await user.click(screen.getByRole('button', { name: 'Ajouter' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      name: 'Repair café',
      practice: 'repair-cafe',
      description: '',
      url: null,
      location: { lat: 48.455, lng: -2.05 },
    });
  });
});
