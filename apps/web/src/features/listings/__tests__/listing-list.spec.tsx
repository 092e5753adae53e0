import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ListingSearchItem, ListingSearchPage } from '@partagora/domain';
import { mockFetch, pathOf, queryOf, renderWithProviders } from '../../../../test/test-utils';
import { ListingList, type ListingListProps } from '../components/listing-list';

function item(id: string, overrides: Partial<ListingSearchItem> = {}): ListingSearchItem {
  return {
    id,
    kind: 'lend',
    category: 'tools',
    title: `Annonce ${id}`,
    description: '',
    condition: null,
    status: 'available',
    approxLocation: { lat: 48.11, lng: -1.68 },
    owner: { type: 'user', id: 'owner-1', displayName: 'Dominique' },
    municipality: 'saint-exemple',
    loanSettings: null,
    barterWishes: null,
    photos: [],
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    distance: '<500m',
    ...overrides,
  };
}

const page = (items: ListingSearchItem[], nextCursor: string | null = null): ListingSearchPage => ({
  items,
  nextCursor,
});

function renderList(props: Partial<ListingListProps> = {}) {
  return renderWithProviders(
    <ListingList
      centre={{ lat: 48.1101, lng: -1.6802 }}
      radius={2000}
      filters={{}}
      highlightedId={null}
      selectedId={null}
      onHighlight={jest.fn()}
      {...props}
    />,
  );
}

describe(ListingList.name, () => {
  it('should render each listing with its translated kind, category and distance bucket', async () => {
    const { calls } = mockFetch(() => ({
      status: 200,
      body: page([
        item('a', { title: 'Perceuse à percussion' }),
        item('b', { title: 'Poussette', kind: 'give', category: 'kids', distance: '2-5km' }),
      ]),
    }));

    renderList({ filters: { kind: 'lend', q: 'perceuse' } });

    const cards = await screen.findAllByTestId('listing-card');
    expect(cards).toHaveLength(2);
    expect(cards[0]?.textContent).toContain('Perceuse à percussion');
    expect(cards[0]?.textContent).toContain('Prêt');
    expect(cards[0]?.textContent).toContain('Outils');
    expect(cards[0]?.textContent).toContain('À moins de 500 m');
    expect(cards[1]?.textContent).toContain('Don');
    expect(cards[1]?.textContent).toContain('Enfants');
    expect(cards[1]?.textContent).toContain('Entre 2 et 5 km');
    expect(screen.getByRole('status').textContent).toBe('2 annonces affichées');
    expect(screen.getByRole('link', { name: 'Perceuse à percussion' }).getAttribute('href')).toBe(
      '/listings/a',
    );

    expect(pathOf(calls[0]?.url ?? '')).toBe('/api/v1/listings');
    const query = queryOf(calls[0]?.url ?? '');
    expect(query.get('lat')).toBe('48.1101');
    expect(query.get('lng')).toBe('-1.6802');
    expect(query.get('radius')).toBe('2000');
    expect(query.get('kind')).toBe('lend');
    expect(query.get('q')).toBe('perceuse');
    expect(query.has('cursor')).toBe(false);
  });

  it('should show the empty state with a link to publish', async () => {
    mockFetch(() => ({ status: 200, body: page([]) }));

    renderList();

    expect(
      await screen.findByText('Aucune annonce près de chez vous pour le moment.'),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Publier une annonce' }).getAttribute('href')).toBe(
      '/listings/new',
    );
    expect(screen.queryAllByTestId('listing-card')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: "Voir plus d'annonces" })).toBeNull();
  });

  it('should fetch the next page with the cursor when "load more" is pressed', async () => {
    const { calls } = mockFetch((call) =>
      queryOf(call.url).get('cursor') === 'cursor-2'
        ? { status: 200, body: page([item('c')]) }
        : { status: 200, body: page([item('a'), item('b')], 'cursor-2') },
    );
    const user = userEvent.setup();
    renderList();

    expect(await screen.findAllByTestId('listing-card')).toHaveLength(2);
    expect(screen.getByRole('status').textContent).toContain("D'autres annonces sont disponibles.");
    await user.click(screen.getByRole('button', { name: "Voir plus d'annonces" }));

    await waitFor(() => expect(screen.getAllByTestId('listing-card')).toHaveLength(3));
    expect(calls).toHaveLength(2);
    expect(queryOf(calls[1]?.url ?? '').get('cursor')).toBe('cursor-2');
    expect(queryOf(calls[1]?.url ?? '').get('lat')).toBe('48.1101');
    expect(screen.getByText('Annonce c')).toBeTruthy();
    expect(screen.queryByRole('button', { name: "Voir plus d'annonces" })).toBeNull();
  });

  it('should report the hovered or focused card so its marker can be emphasised', async () => {
    mockFetch(() => ({ status: 200, body: page([item('a')]) }));
    const onHighlight = jest.fn();
    renderList({ onHighlight });

    const [card] = await screen.findAllByTestId('listing-card');
    fireEvent.mouseEnter(card as HTMLElement);
    expect(onHighlight).toHaveBeenLastCalledWith('a');
    fireEvent.mouseLeave(card as HTMLElement);
    expect(onHighlight).toHaveBeenLastCalledWith(null);
    screen.getByRole('link', { name: 'Annonce a' }).focus();
    expect(onHighlight).toHaveBeenLastCalledWith('a');
  });

  it('should bring the card chosen on the map into focus and say it is selected', async () => {
    mockFetch(() => ({ status: 200, body: page([item('a'), item('b')]) }));
    const { rerender } = renderList();
    await screen.findAllByTestId('listing-card');

    rerender(
      <ListingList
        centre={{ lat: 48.1101, lng: -1.6802 }}
        radius={2000}
        filters={{}}
        highlightedId={null}
        selectedId="b"
        onHighlight={jest.fn()}
      />,
    );

    const cards = screen.getAllByTestId('listing-card');
    await waitFor(() => expect(document.activeElement).toBe(cards[1]));
    expect(cards[1]?.textContent).toContain('Sélectionnée sur la carte');
    expect(cards[0]?.textContent).not.toContain('Sélectionnée sur la carte');
  });

  it('should show a translated error with a retry when the search fails', async () => {
    mockFetch(() => ({
      status: 503,
      body: { error: { code: 'SERVICE_UNAVAILABLE', message: 'x', requestId: 'r' } },
    }));

    renderList();

    expect((await screen.findByRole('alert')).textContent).toContain(
      'Le service est momentanément indisponible.',
    );
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeTruthy();
  });
});
