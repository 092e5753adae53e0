import { DomainError, type GeocodeResult } from '@partagora/domain';
import type { GeocodeTown, Geocoder } from './geocoder';

/** How long the national service may take before the search answers 503. */
const TIMEOUT_MS = 3000;

interface BanFeature {
  geometry?: { coordinates?: [number, number] };
  properties?: { label?: string; type?: string };
}

/**
 * The national address service (`GEOCODER=ban`, `BAN_API_URL`): `GET /search/?q&citycode&limit`,
 * GeoJSON features best first. Scoped to the town by its INSEE code, like the local base. Only
 * the query and the town's code leave the server, never who asks.
 */
export class BanGeocoder implements Geocoder {
  constructor(
    private readonly baseUrl: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async search(town: GeocodeTown, q: string, limit: number): Promise<GeocodeResult[]> {
    const url = new URL('/search/', this.baseUrl);
    url.searchParams.set('q', q);
    url.searchParams.set('citycode', town.inseeCode);
    url.searchParams.set('limit', String(limit));
    let body: { features?: BanFeature[] };
    try {
      const res = await this.fetchImpl(url, {
        signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: { accept: 'application/json' },
      });
      if (!res.ok) throw new Error(`BAN answered ${res.status}`);
      body = (await res.json()) as { features?: BanFeature[] };
    } catch {
      throw new DomainError('SERVICE_UNAVAILABLE', 'The address service is unavailable');
    }
    return (body.features ?? []).flatMap((f): GeocodeResult[] => {
      const [lng, lat] = f.geometry?.coordinates ?? [];
      const label = f.properties?.label;
      if (typeof lat !== 'number' || typeof lng !== 'number' || !label) return [];
      const type = f.properties?.type;
      const kind = type === 'housenumber' || type === 'street' ? type : 'locality';
      return [{ label, kind, location: { lat, lng } }];
    });
  }
}
