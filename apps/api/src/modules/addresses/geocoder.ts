import type { GeocodeResult } from '@partagora/domain';

/** What the address search needs of a town. */
export interface GeocodeTown {
  id: string;
  slug: string;
  inseeCode: string;
}

/**
 * Where `GET /geocode` looks (`GEOCODER`): the town's imported address base (`local`, the
 * default, works offline) or the national BAN service (`ban`).
 */
export interface Geocoder {
  search(town: GeocodeTown, q: string, limit: number): Promise<GeocodeResult[]>;
}

export const GEOCODER = Symbol('GEOCODER');
