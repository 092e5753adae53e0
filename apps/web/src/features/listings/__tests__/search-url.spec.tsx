import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { mockFetch, pathOf, queryOf, renderWithProviders } from '../../../../test/test-utils';
import { ListingsExplorer } from '../components/listings-explorer';
import { parseSearchParams, radiusCovering, toSearchParams } from '../lib/search-params';

// Typing, debounce and several navigations per test: room for a loaded machine.
jest.setTimeout(20_000);

const home = { lat: 48.1101, lng: -1.6802 };

function Probe() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <output data-testid="url">{`${location.pathname}${location.search}`}</output>
      <button type="button" onClick={() => void navigate(-1)}>
        Back
      </button>
    </>
  );
}

function renderAt(url: string) {
  const fake = mockFetch(() => ({ status: 200, body: { items: [], nextCursor: null } }));
  renderWithProviders(
    <Routes>
      <Route
        path="/listings"
        element={
          <>
            <ListingsExplorer home={home} approxHome={{ lat: 48.112, lng: -1.681 }} />
            <Probe />
          </>
        }
      />
    </Routes>,
    { route: url },
  );
  return fake;
}

const searches = (calls: { url: string }[]) =>
  calls.filter((c) => pathOf(c.url) === '/api/v1/listings').map((c) => queryOf(c.url));

describe('search filters in the URL', () => {
  it('should read every filter of a shared URL and search with exactly those', async () => {
    const { calls } = renderAt(
      '/listings?lat=48.2&lng=-1.7&radius=5000&kind=lend&category=tools&q=perceuse',
    );

    await waitFor(() => expect(searches(calls)).toHaveLength(1));
    const q = searches(calls)[0]!;
    expect([q.get('lat'), q.get('lng'), q.get('radius')]).toEqual(['48.2', '-1.7', '5000']);
    expect([q.get('kind'), q.get('category'), q.get('q')]).toEqual(['lend', 'tools', 'perceuse']);
    expect(screen.getByLabelText<HTMLInputElement>('Rechercher').value).toBe('perceuse');
    expect(screen.getByLabelText<HTMLSelectElement>('Type').value).toBe('lend');
    expect(screen.getByLabelText<HTMLSelectElement>('Catégorie').value).toBe('tools');
    expect(screen.getByLabelText<HTMLSelectElement>('Rayon').value).toBe('5000');
    // A point chosen on the map, not my home: the page says so and offers to come back.
    expect(screen.getByRole('button', { name: 'Revenir autour de chez moi' })).toBeTruthy();
  });

  it('should search around my home without a point, and put each change in the URL', async () => {
    const user = userEvent.setup();
    const { calls } = renderAt('/listings');
    await waitFor(() => expect(searches(calls)).toHaveLength(1));
    expect(searches(calls)[0]!.get('lat')).toBe('48.1101');

    await user.selectOptions(screen.getByLabelText('Type'), 'give');
    expect(screen.getByTestId('url').textContent).toBe('/listings?radius=2000&kind=give');
    await user.selectOptions(screen.getByLabelText('Rayon'), '1000');
    expect(screen.getByTestId('url').textContent).toBe('/listings?radius=1000&kind=give');
    await waitFor(() => expect(searches(calls).at(-1)?.get('radius')).toBe('1000'));
    expect(searches(calls).at(-1)?.get('kind')).toBe('give');

    // Back restores the previous search, controls included.
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByTestId('url').textContent).toBe('/listings?radius=2000&kind=give');
    expect(screen.getByLabelText<HTMLSelectElement>('Rayon').value).toBe('2000');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByLabelText<HTMLSelectElement>('Type').value).toBe('');
  });

  it('should keep two changes made before the page redraws', async () => {
    renderAt('/listings');
    await screen.findByLabelText('Catégorie');
    // Both in one task, as a busy phone delivers them: the second must not undo the first.
    act(() => {
      fireEvent.change(screen.getByLabelText('Catégorie'), { target: { value: 'tools' } });
      fireEvent.change(screen.getByLabelText('Rayon'), { target: { value: '5000' } });
    });
    expect(screen.getByTestId('url').textContent).toBe('/listings?radius=5000&category=tools');
  });

  it('should put the words in the URL after a pause and follow Back in the search box', async () => {
    const user = userEvent.setup();
    renderAt('/listings?q=echelle');
    await user.clear(screen.getByLabelText('Rechercher'));
    await user.type(screen.getByLabelText('Rechercher'), 'perceuse{Enter}');
    expect(screen.getByTestId('url').textContent).toBe('/listings?radius=2000&q=perceuse');

    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByLabelText<HTMLInputElement>('Rechercher').value).toBe('echelle');
  });

  it('should switch between list and map on a phone, the list first', async () => {
    const user = userEvent.setup();
    renderAt('/listings');
    const list = screen.getByRole('button', { name: 'Liste' });
    expect(list.getAttribute('aria-pressed')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Carte' }));
    expect(screen.getByTestId('url').textContent).toBe('/listings?radius=2000&view=map');
    expect(screen.getByRole('button', { name: 'Carte' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('link', { name: 'Passer la carte' }).getAttribute('href')).toBe(
      '#after-map',
    );
  });
});

describe(parseSearchParams.name, () => {
  it('should ignore malformed values and keep the defaults', () => {
    const state = parseSearchParams(
      new URLSearchParams('lat=abc&lng=2&radius=1234&kind=steal&category=cars&q=%20%20&view=x'),
    );
    expect(state).toEqual({ centre: 'home', radius: 2000, filters: {}, view: 'list' });
  });

  it('should round-trip a search through its query string', () => {
    const state = {
      centre: { lat: 48.123456, lng: -2.04 },
      radius: 500 as const,
      filters: { kind: 'wanted' as const, q: 'vélo' },
      view: 'map' as const,
    };
    const again = parseSearchParams(toSearchParams(state));
    expect(again).toEqual({ ...state, centre: { lat: 48.12346, lng: -2.04 } });
  });

  it('should pick the smallest offered radius that covers a distance', () => {
    expect(radiusCovering(300)).toBe(500);
    expect(radiusCovering(1500)).toBe(2000);
    expect(radiusCovering(50_000)).toBe(10000);
  });
});
