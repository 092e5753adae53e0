import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ListingView } from '@partagora/domain';
import { apiError, mockFetch, renderWithProviders } from '../../../../test/test-utils';
import { ListingForm } from '../components/listing-form';

// Leaflet needs a real layout: the picker map is replaced, the coordinate fields remain.
jest.mock('../../../components/map/location-picker-map', () => ({ LocationPickerMap: () => null }));

const HOME = { lat: 48.4556, lng: -2.0503 };

function saved(overrides: Partial<ListingView> = {}): ListingView {
  return {
    id: 'listing-1',
    kind: 'lend',
    category: 'tools',
    title: 'Perceuse',
    description: '',
    condition: null,
    status: 'available',
    approxLocation: { lat: 48.457, lng: -2.047 },
    owner: { type: 'user', id: 'me', displayName: 'Camille' },
    municipality: 'dinan',
    loanSettings: { maxDays: 7, bufferHours: 2, depositNote: null, autoAccept: false },
    barterWishes: null,
    photos: [],
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

async function fillLoan() {
  const user = userEvent.setup();
  await user.selectOptions(screen.getByLabelText(/^Type/), 'lend');
  await user.selectOptions(screen.getByLabelText(/Catégorie/), 'tools');
  await user.type(screen.getByLabelText(/Titre/), 'Perceuse');
  return user;
}

describe(ListingForm.name, () => {
  it("should not offer auto-accept on a resident's loan, say why, and never send it", async () => {
    const { calls } = mockFetch(() => ({ status: 201, body: saved() }));
    const onSaved = jest.fn();
    renderWithProviders(<ListingForm mode="create" home={HOME} onSaved={onSaved} />);

    const user = await fillLoan();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(
      screen.getByText(
        "Vous acceptez vous-même chaque demande. L'emprunteur ne voit votre adresse exacte que 48 h avant le début du prêt.",
      ),
    ).toBeTruthy();

    await user.click(screen.getByRole('button', { name: "Publier l'annonce" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.url).toBe('/api/v1/listings');
    expect(post?.body).toMatchObject({ kind: 'lend', loanSettings: { maxDays: 7 } });
    expect((post?.body as { loanSettings: object }).loanSettings).not.toHaveProperty('autoAccept');
  });

  it('should show the API refusal of auto-accept in words', async () => {
    mockFetch(() => apiError(422, 'AUTO_ACCEPT_NOT_ALLOWED'));
    renderWithProviders(<ListingForm mode="create" home={HOME} onSaved={jest.fn()} />);
    const user = await fillLoan();
    await user.click(screen.getByRole('button', { name: "Publier l'annonce" }));
    expect(
      await screen.findByText(
        "L'acceptation automatique est réservée aux annonces des organisations : acceptez vous-même chaque demande.",
      ),
    ).toBeTruthy();
  });
});
