/**
 * A WGS84 point in degrees, named fields so the order can never be mistaken. GeoJSON and PostGIS
 * use `[lng, lat]` positions instead; `toPosition`/`fromPosition` are the only place the two orders
 * meet.
 */
export interface LatLng {
  /** Degrees north, in [-90, 90]. */
  lat: number;
  /** Degrees east, in [-180, 180]. */
  lng: number;
}

/**
 * Whether `v` is a `{ lat, lng }` object in degrees with finite values, `lat` in [-90, 90] and
 * `lng` in [-180, 180].
 */
export function isValidLatLng(v: unknown): v is LatLng {
  if (typeof v !== 'object' || v === null) return false;
  const { lat, lng } = v as { lat?: unknown; lng?: unknown };
  return (
    typeof lat === 'number' &&
    typeof lng === 'number' &&
    Number.isFinite(lat) &&
    Number.isFinite(lng) &&
    lat >= -90 &&
    lat <= 90 &&
    lng >= -180 &&
    lng <= 180
  );
}

/** The GeoJSON position of a point: `[lng, lat]` in degrees (longitude first). */
export function toPosition(p: LatLng): [number, number] {
  return [p.lng, p.lat];
}

/**
 * The point at a GeoJSON position `[lng, lat, …]` in degrees (longitude first; an altitude is
 * ignored).
 *
 * @throws RangeError when the position has fewer than two numbers or is out of range.
 */
export function fromPosition(pos: readonly number[]): LatLng {
  const [lng, lat] = pos;
  if (lng === undefined || lat === undefined) {
    throw new RangeError('position must be [lng, lat]');
  }
  const p = { lat, lng };
  if (!isValidLatLng(p)) {
    throw new RangeError(`position [${String(lng)}, ${String(lat)}] is not a valid [lng, lat]`);
  }
  return p;
}
