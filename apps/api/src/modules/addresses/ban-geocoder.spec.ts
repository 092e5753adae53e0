import { DomainError } from '@partagora/domain';
import { BanGeocoder } from './ban-geocoder';

const town = { id: 't1', slug: 'dinan', inseeCode: '22050' };

/** A fake `fetch` answering like the national service; no request leaves the process. */
function fakeFetch(reply: () => Response | Promise<Response>) {
  const urls: string[] = [];
  const fn = ((input: URL | string) => {
    urls.push(String(input));
    return Promise.resolve(reply());
  }) as typeof fetch;
  return { fn, urls };
}

describe(BanGeocoder.name, () => {
  it('should ask /search/ for the town by INSEE code and map features to suggestions', async () => {
    const { fn, urls } = fakeFetch(
      () =>
        new Response(
          JSON.stringify({
            features: [
              {
                geometry: { coordinates: [-2.0502, 48.4553] },
                properties: { label: "12 Rue de l'Apport 22100 Dinan", type: 'housenumber' },
              },
              {
                geometry: { coordinates: [-2.05, 48.455] },
                properties: { label: 'Dinan', type: 'municipality' },
              },
              { properties: { label: 'no geometry' } },
            ],
          }),
          { status: 200 },
        ),
    );
    const items = await new BanGeocoder('https://ban.example', fn).search(town, '12 rue', 5);
    const url = new URL(urls[0]!);
    expect(url.origin + url.pathname).toBe('https://ban.example/search/');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: '12 rue',
      citycode: '22050',
      limit: '5',
    });
    expect(items).toEqual([
      {
        label: "12 Rue de l'Apport 22100 Dinan",
        kind: 'housenumber',
        location: { lat: 48.4553, lng: -2.0502 },
      },
      { label: 'Dinan', kind: 'locality', location: { lat: 48.455, lng: -2.05 } },
    ]);
  });

  it.each([
    ['an error status', () => new Response('busy', { status: 503 })],
    ['a body that is not JSON', () => new Response('<html>', { status: 200 })],
  ])('should answer SERVICE_UNAVAILABLE on %s', async (_, reply) => {
    const { fn } = fakeFetch(reply);
    await expect(new BanGeocoder('https://ban.example', fn).search(town, 'rue', 5)).rejects.toEqual(
      new DomainError('SERVICE_UNAVAILABLE', 'The address service is unavailable'),
    );
  });
});
