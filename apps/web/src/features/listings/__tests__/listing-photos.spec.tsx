import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ListingView, PhotoView } from '@partagora/domain';
import { apiError, mockFetch, pathOf, renderWithProviders } from '../../../../test/test-utils';
import { ListingGallery, ListingPhotosEditor } from '../components/listing-photos';

const photo = (id: string): PhotoView => ({
  id,
  url: `/api/v1/photos/${id}/full.webp`,
  cardUrl: `/api/v1/photos/${id}/card.webp`,
  thumbnailUrl: `/api/v1/photos/${id}/thumb.webp`,
  width: 1600,
  height: 1200,
});

function listing(photos: PhotoView[]): ListingView {
  return {
    id: 'l-1',
    kind: 'lend',
    category: 'tools',
    title: 'Perceuse',
    description: '',
    condition: null,
    status: 'available',
    approxLocation: { lat: 48.45, lng: -2.05 },
    owner: { type: 'user', id: 'me', displayName: 'Moi' },
    municipality: 'dinan',
    loanSettings: null,
    barterWishes: null,
    photos,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

describe(ListingPhotosEditor.name, () => {
  it('should say there is no photo yet and offer to add some', () => {
    mockFetch(() => ({ status: 200, body: {} }));
    renderWithProviders(<ListingPhotosEditor listing={listing([])} />);
    expect(screen.getByText(/Pas encore de photo/)).toBeTruthy();
    expect(screen.getByLabelText('Ajouter des photos')?.getAttribute('type')).toBe('file');
  });

  it('should move a photo earlier with the new order sent to the API', async () => {
    const { calls } = mockFetch(() => ({ status: 200, body: { items: [] } }));
    renderWithProviders(<ListingPhotosEditor listing={listing([photo('a'), photo('b')])} />);
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Avancer la photo 1' }).disabled,
    ).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Avancer la photo 2' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(pathOf(put.url)).toBe('/api/v1/listings/l-1/photos/order');
    expect(put.body).toEqual({ ids: ['b', 'a'] });
  });

  it('should delete only after a second, explicit confirmation', async () => {
    const { calls } = mockFetch(() => ({ status: 204 }));
    renderWithProviders(<ListingPhotosEditor listing={listing([photo('a')])} />);
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer la photo 1' }));
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(0);
    await userEvent.click(
      screen.getByRole('button', { name: 'Confirmer la suppression de la photo 1' }),
    );
    await waitFor(() => expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1));
    expect(pathOf(calls.find((c) => c.method === 'DELETE')!.url)).toBe(
      '/api/v1/listings/l-1/photos/a',
    );
  });

  it('should keep the photo and say why when the deletion fails', async () => {
    mockFetch(() => apiError(404, 'PHOTO_NOT_FOUND'));
    renderWithProviders(<ListingPhotosEditor listing={listing([photo('a')])} />);
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer la photo 1' }));
    await userEvent.click(
      screen.getByRole('button', { name: 'Confirmer la suppression de la photo 1' }),
    );
    expect(await screen.findByText("Cette photo n'existe plus.")).toBeTruthy();
  });

  it('should stop offering uploads at 8 photos', () => {
    mockFetch(() => ({ status: 200, body: {} }));
    const eight = Array.from({ length: 8 }, (_, i) => photo(`p${i}`));
    renderWithProviders(<ListingPhotosEditor listing={listing(eight)} />);
    expect(screen.queryByLabelText('Ajouter des photos')).toBeNull();
    expect(screen.getByText(/déjà 8 photos/)).toBeTruthy();
  });
});

describe(ListingGallery.name, () => {
  it('should show the first photo large with a text alternative, and nothing without photos', () => {
    const { container, rerender } = renderWithProviders(
      <ListingGallery listing={listing([photo('a'), photo('b')])} />,
    );
    const gallery = screen.getByRole('region', { name: "Photos de l'annonce" });
    const images = within(gallery).getAllByRole('img');
    expect(images[0]?.getAttribute('src')).toBe('/api/v1/photos/a/full.webp');
    expect(images[0]?.getAttribute('alt')).toBe('Perceuse, photo 1');
    expect(images[1]?.getAttribute('src')).toBe('/api/v1/photos/b/card.webp');
    rerender(<ListingGallery listing={listing([])} />);
    expect(container.innerHTML).toBe('');
  });
});
