import {
  LISTING_CATEGORIES,
  LISTING_KINDS,
  type ListingCategory,
  type ListingKind,
} from '@partagora/domain';
import type { LatLng } from '@partagora/geo';
import type { ListingFilters } from '../api/listings.api';

/** Metres: the radii offered by the search (and accepted in a URL). */
export const RADIUS_OPTIONS = [500, 1000, 2000, 5000, 10000] as const;
export type RadiusOption = (typeof RADIUS_OPTIONS)[number];
export const DEFAULT_RADIUS: RadiusOption = 2000;

export const isKind = (v: string): v is ListingKind =>
  (LISTING_KINDS as readonly string[]).includes(v);
export const isCategory = (v: string): v is ListingCategory =>
  (LISTING_CATEGORIES as readonly string[]).includes(v);
export const isRadius = (v: number): v is RadiusOption =>
  (RADIUS_OPTIONS as readonly number[]).includes(v);

export type SearchView = 'list' | 'map';

/**
 * Everything a search page shows, as its URL says it: `?lat&lng` (a point chosen on the map;
 * absent means around my home), `radius` (metres), `kind`, `category`, `q`, and `view=map` on
 * phones. Back restores it, a shared link reproduces it.
 */
export interface SearchState {
  /** `'home'`: around the signed-in member's home. */
  centre: 'home' | LatLng;
  radius: RadiusOption;
  filters: ListingFilters;
  view: SearchView;
}

const coordinate = (raw: string | null, limit: number): number | null => {
  if (raw === null || raw.trim() === '') return null;
  const n = Number(raw);
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : null;
};

/** Reads a search from the query string; anything unknown or malformed falls back to the default. */
export function parseSearchParams(
  params: URLSearchParams,
  defaultRadius: RadiusOption = DEFAULT_RADIUS,
): SearchState {
  const lat = coordinate(params.get('lat'), 90);
  const lng = coordinate(params.get('lng'), 180);
  const radius = Number(params.get('radius'));
  const kind = params.get('kind') ?? '';
  const category = params.get('category') ?? '';
  const q = (params.get('q') ?? '').trim();
  return {
    centre: lat !== null && lng !== null ? { lat, lng } : 'home',
    radius: isRadius(radius) ? radius : defaultRadius,
    filters: {
      ...(isKind(kind) ? { kind } : {}),
      ...(isCategory(category) ? { category } : {}),
      ...(q ? { q } : {}),
    },
    view: params.get('view') === 'map' ? 'map' : 'list',
  };
}

/** Degrees rounded to ~1 m: enough for a search centre, short in a URL. */
const round = (deg: number) => Math.round(deg * 1e5) / 1e5;

/** The query string of a search, in a fixed order (the same search is always the same URL). */
export function toSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.centre !== 'home') {
    params.set('lat', String(round(state.centre.lat)));
    params.set('lng', String(round(state.centre.lng)));
  }
  params.set('radius', String(state.radius));
  if (state.filters.kind) params.set('kind', state.filters.kind);
  if (state.filters.category) params.set('category', state.filters.category);
  if (state.filters.q) params.set('q', state.filters.q);
  if (state.view === 'map') params.set('view', 'map');
  return params;
}

/** The smallest offered radius reaching `metres` (the largest when none does). */
export function radiusCovering(metres: number): RadiusOption {
  return RADIUS_OPTIONS.find((r) => r >= metres) ?? RADIUS_OPTIONS[RADIUS_OPTIONS.length - 1]!;
}
