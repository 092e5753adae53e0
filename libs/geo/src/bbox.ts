import type { LatLng } from './lat-lng';

/** A bounding box in degrees: longitudes `west` < `east`, latitudes `south` < `north`. */
export interface BBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/**
 * Largest accepted width and height of a map viewport, in degrees: wide enough for a whole
 * département, small enough that one query cannot scan the country.
 */
export const MAX_BBOX_SPAN_DEG = 5;

/** A plain decimal number as a map library prints it (`-2.05`, `48`, `1e-7`); no hex, no `NaN`. */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses the `bbox` query parameter `west,south,east,north` (degrees, longitude first, the order
 * of Leaflet's `toBBoxString()` and of GeoJSON bboxes).
 *
 * Returns `{ bbox }`, or `{ error }` with a short English message saying which rule failed:
 * exactly four finite numbers, longitudes in [-180, 180], latitudes in [-90, 90], south < north,
 * west < east (a box crossing the antimeridian must be sent as two boxes) and neither side larger
 * than `MAX_BBOX_SPAN_DEG` degrees.
 */
export function parseBbox(text: string): { bbox: BBox } | { error: string } {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length !== 4) return { error: 'bbox must be west,south,east,north' };
  if (!parts.every((s) => NUMBER.test(s))) return { error: 'bbox values must be numbers' };
  const [west, south, east, north] = parts.map(Number) as [number, number, number, number];
  if (![west, south, east, north].every(Number.isFinite)) {
    return { error: 'bbox values must be finite numbers' };
  }
  if (west < -180 || west > 180 || east < -180 || east > 180) {
    return { error: 'bbox longitudes must be within [-180, 180]' };
  }
  if (south < -90 || south > 90 || north < -90 || north > 90) {
    return { error: 'bbox latitudes must be within [-90, 90]' };
  }
  if (south >= north) return { error: 'bbox south must be less than north' };
  if (west >= east) {
    return {
      error: 'bbox west must be less than east (split a box crossing the antimeridian)',
    };
  }
  if (east - west > MAX_BBOX_SPAN_DEG || north - south > MAX_BBOX_SPAN_DEG) {
    return {
      error: `bbox must not span more than ${MAX_BBOX_SPAN_DEG} degrees on a side`,
    };
  }
  return { bbox: { west, south, east, north } };
}

/** Whether the point (degrees) lies in the box, edges included. */
export function bboxContains(b: BBox, p: LatLng): boolean {
  return p.lng >= b.west && p.lng <= b.east && p.lat >= b.south && p.lat <= b.north;
}

/** The centre of the box in degrees (midpoint of each side; boxes never cross the antimeridian). */
export function bboxCentre(b: BBox): LatLng {
  return { lat: (b.south + b.north) / 2, lng: (b.west + b.east) / 2 };
}
