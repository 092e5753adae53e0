import { EARTH_RADIUS_M } from './distance';
import { isValidLatLng, type LatLng } from './lat-lng';

/** Default side in metres of the grid search centres are snapped to (DESIGN.md §5: ~100–250 m). */
export const DEFAULT_SNAP_METRES = 200;

/** Metres per degree of latitude on the PostGIS sphere (~111 195 m). */
const METRES_PER_DEGREE = (Math.PI * EARTH_RADIUS_M) / 180;
const RAD = Math.PI / 180;

/**
 * Snaps a search centre (degrees) to the centre of its grid cell, so a query never reveals the
 * searcher's exact position and nearby searches share a cache key.
 *
 * Cells are `cellMetres` metres high (a fixed step in degrees of latitude) and about `cellMetres`
 * wide: the longitude step is derived from the snapped latitude, so every point of a cell maps to
 * the same result and snapping is idempotent. The result is within about `0.71 × cellMetres`
 * metres of the input (half the cell's diagonal) away from the poles.
 *
 * @throws RangeError when the point is invalid or `cellMetres` is not a positive finite number.
 */
export function snapToGrid(p: LatLng, cellMetres: number = DEFAULT_SNAP_METRES): LatLng {
  if (!isValidLatLng(p)) throw new RangeError('point must be a valid { lat, lng } in degrees');
  if (!Number.isFinite(cellMetres) || cellMetres <= 0) {
    throw new RangeError('cellMetres must be a positive number of metres');
  }
  const latStep = cellMetres / METRES_PER_DEGREE;
  // The polar row may be cut by ±90: its centre is clamped, and stays inside the row.
  const lat = clamp((Math.floor(p.lat / latStep) + 0.5) * latStep, -90, 90);
  // Capped at 360 so the poles (cos = 0) still give one finite cell.
  const lngStep = Math.min(360, latStep / Math.cos(lat * RAD));
  const lng = clamp((Math.floor(p.lng / lngStep) + 0.5) * lngStep, -180, 180);
  return { lat, lng };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
