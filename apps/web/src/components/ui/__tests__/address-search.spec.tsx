import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { GeocodeResult } from '@partagora/domain';
import { mockFetch, pathOf, queryOf } from '../../../../test/test-utils';
import { AddressSearch, type AddressLookup } from '../address-search';

const RESULTS: GeocodeResult[] = [
  {
    label: "12 Rue de l'Apport, 22100 Dinan",
    kind: 'housenumber',
    location: { lat: 48.4553, lng: -2.0502 },
  },
  { label: "Rue de l'Apport, 22100 Dinan", kind: 'street', location: { lat: 48.455, lng: -2.05 } },
  { label: 'Rue du Jerzual, 22100 Dinan', kind: 'street', location: { lat: 48.456, lng: -2.047 } },
];

function setup(lookup: AddressLookup, municipality: string | undefined = 'dinan') {
  const onSelect = jest.fn();
  const user = userEvent.setup();
  render(
    <AddressSearch
      label="Votre adresse"
      municipality={municipality}
      onSelect={onSelect}
      lookup={lookup}
    />,
  );
  const input = screen.getByRole('combobox', { name: 'Votre adresse' });
  return { onSelect, user, input };
}

describe(AddressSearch.name, () => {
  it('should suggest addresses after a pause, once, and pick one with the keyboard', async () => {
    const lookup = jest.fn<ReturnType<AddressLookup>, Parameters<AddressLookup>>(
      () => Promise.resolve(RESULTS),
    );
    const { onSelect, user, input } = setup(lookup);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    await user.type(input, "12 rue de l'apport");
    const list = await screen.findByRole('listbox', { name: 'Adresses proposées' });
    // Typing the whole address asked the server once (debounced), for the town given.
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup.mock.calls[0]!.slice(0, 2)).toEqual(["12 rue de l'apport", 'dinan']);
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(input.getAttribute('aria-controls')).toBe(list.id);
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(3);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    expect(screen.getByRole('status').textContent).toContain('3 adresses proposées');

    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowUp}');
    expect(screen.getAllByRole('option')[2]!.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowUp}{Enter}');
    expect(onSelect).toHaveBeenCalledWith({
      label: "Rue de l'Apport, 22100 Dinan",
      location: { lat: 48.455, lng: -2.05 },
    });
    expect((input as HTMLInputElement).value).toBe("Rue de l'Apport, 22100 Dinan");
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('option')).toBeNull();
  });

  it('should close the list on Escape and pick with the pointer', async () => {
    const { onSelect, user, input } = setup(() => Promise.resolve(RESULTS));
    await user.type(input, 'rue du');
    await screen.findAllByRole('option');
    await user.keyboard('{Escape}');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    await user.keyboard('{ArrowDown}');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    await user.click(screen.getByRole('option', { name: /Jerzual/ }));
    expect(onSelect).toHaveBeenCalledWith({
      label: 'Rue du Jerzual, 22100 Dinan',
      location: { lat: 48.456, lng: -2.047 },
    });
  });

  it('should say when nothing matches, and when the search fails', async () => {
    let fail = false;
    const { user, input } = setup(() =>
      fail ? Promise.reject(new Error('down')) : Promise.resolve([]),
    );
    await user.type(input, 'rue inconnue');
    expect(await screen.findByText(/Aucune adresse trouvée/)).toBeTruthy();
    fail = true;
    await user.type(input, 'x');
    expect(await screen.findByText(/La recherche d’adresse ne répond pas/)).toBeTruthy();
  });

  it('should wait for three characters and for a town', async () => {
    const lookup = jest.fn(() => Promise.resolve(RESULTS));
    const { user, input } = setup(lookup);
    await user.type(input, 'ru');
    await new Promise((r) => setTimeout(r, 400));
    expect(lookup).not.toHaveBeenCalled();
    const onSelect = jest.fn();
    render(<AddressSearch label="Sans commune" municipality={undefined} onSelect={onSelect} />);
    expect(screen.getByRole<HTMLInputElement>('combobox', { name: 'Sans commune' }).disabled).toBe(
      true,
    );
  });

  it('should use the position the browser gives, on request only', async () => {
    const getCurrentPosition = jest.fn((ok: PositionCallback) =>
      ok({ coords: { latitude: 48.4551234567, longitude: -2.0501234567 } } as GeolocationPosition),
    );
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: { getCurrentPosition },
    });
    const { onSelect, user } = setup(() => Promise.resolve([]));
    expect(getCurrentPosition).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Utiliser ma position' }));
    expect(onSelect).toHaveBeenCalledWith({
      label: 'Ma position actuelle',
      location: { lat: 48.455123, lng: -2.050123 },
    });
  });

  it('should explain a refused position', async () => {
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: {
        getCurrentPosition: (_ok: PositionCallback, err: PositionErrorCallback) =>
          err({ code: 1, PERMISSION_DENIED: 1 } as GeolocationPositionError),
      },
    });
    const { onSelect, user } = setup(() => Promise.resolve([]));
    await user.click(screen.getByRole('button', { name: 'Utiliser ma position' }));
    expect(screen.getByRole('alert').textContent).toContain('Accès à la position refusé');
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('should ask GET /geocode by default', async () => {
    const { calls } = mockFetch(() => ({
      status: 200,
      body: { items: RESULTS, nextCursor: null },
    }));
    const user = userEvent.setup();
    render(<AddressSearch label="Adresse" municipality="dinan" onSelect={jest.fn()} />);
    await user.type(screen.getByRole('combobox', { name: 'Adresse' }), 'apport');
    await screen.findAllByRole('option');
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(pathOf(calls[0]!.url)).toBe('/api/v1/geocode');
    expect(Object.fromEntries(queryOf(calls[0]!.url))).toEqual({
      q: 'apport',
      municipality: 'dinan',
      limit: '8',
    });
  });
});
