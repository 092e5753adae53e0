import { fromPosition, toPosition, type LatLng } from './lat-lng';

/** A GeoJSON Point; `coordinates` is `[lng, lat]` in degrees (longitude first). */
export interface GeoJsonPoint {
  type: 'Point';
  coordinates: [number, number];
}

/**
 * A GeoJSON MultiPolygon (a town boundary): polygons of linear rings of `[lng, lat]` positions in
 * degrees; in each polygon the first ring is the outer boundary and the others are holes.
 */
export interface GeoJsonMultiPolygon {
  type: 'MultiPolygon';
  coordinates: number[][][][];
}

/** The GeoJSON Point of a point in degrees (`coordinates` in `[lng, lat]` order). */
export function toGeoJsonPoint(p: LatLng): GeoJsonPoint {
  return { type: 'Point', coordinates: toPosition(p) };
}

/**
 * The point (degrees) of a GeoJSON Point, reading `coordinates` as `[lng, lat]`.
 *
 * @throws TypeError when `g` is not a Point with numeric coordinates; RangeError when they are out
 * of range.
 */
export function fromGeoJsonPoint(g: { type: string; coordinates: unknown }): LatLng {
  if (g.type !== 'Point') throw new TypeError(`expected a GeoJSON Point, got ${g.type}`);
  const c = g.coordinates;
  if (!Array.isArray(c) || !c.every((n): n is number => typeof n === 'number')) {
    throw new TypeError('GeoJSON Point coordinates must be an array of numbers');
  }
  return fromPosition(c);
}

/**
 * A closed GeoJSON linear ring (`[lng, lat]` positions in degrees) through `points`, repeating the
 * first position at the end unless it is already there.
 *
 * @throws RangeError when the ring would have fewer than 4 positions (3 distinct points).
 */
export function ringFromLatLngs(points: LatLng[]): [number, number][] {
  const ring = points.map(toPosition);
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([...first]);
  if (ring.length < 4) throw new RangeError('a ring needs at least 3 distinct points');
  return ring;
}

/**
 * Whether the point (degrees) lies inside the MultiPolygon: inside some polygon's outer ring and
 * in none of its holes. Planar ray casting on `[lng, lat]`, which is exact enough at town scale;
 * points exactly on an edge may fall either way.
 */
export function multiPolygonContains(mp: GeoJsonMultiPolygon, p: LatLng): boolean {
  return mp.coordinates.some((polygon) => {
    const [outer, ...holes] = polygon;
    return (
      outer !== undefined &&
      ringContains(outer, p.lng, p.lat) &&
      !holes.some((hole) => ringContains(hole, p.lng, p.lat))
    );
  });
}

/** Even-odd ray casting towards +x; works whether or not the ring repeats its first position. */
function ringContains(ring: number[][], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i] ?? [];
    const [xj, yj] = ring[j] ?? [];
    if (xi === undefined || yi === undefined || xj === undefined || yj === undefined) continue;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
