import type { LatLng } from './lat-lng';

/**
 * Mean Earth radius in metres, the sphere PostGIS uses for `ST_Distance(a, b, false)` on
 * geography, so distances computed here match the database within millimetres.
 */
export const EARTH_RADIUS_M = 6371008.7714;

const RAD = Math.PI / 180;

/**
 * Great-circle distance in metres between two points given in degrees, on the PostGIS sphere
 * (`EARTH_RADIUS_M`).
 *
 * Named after the usual formula, but computed in Vincenty's atan2 form of the great-circle
 * distance, like PostGIS: haversine loses centimetres near antipodal points, this form is well
 * conditioned at every distance.
 */
export function haversineMetres(a: LatLng, b: LatLng): number {
  const phi1 = a.lat * RAD;
  const phi2 = b.lat * RAD;
  const dLambda = (b.lng - a.lng) * RAD;
  const cosPhi2 = Math.cos(phi2);
  const y1 = cosPhi2 * Math.sin(dLambda);
  const y2 = Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * cosPhi2 * Math.cos(dLambda);
  const x = Math.sin(phi1) * Math.sin(phi2) + Math.cos(phi1) * cosPhi2 * Math.cos(dLambda);
  return EARTH_RADIUS_M * Math.atan2(Math.sqrt(y1 * y1 + y2 * y2), x);
}

/** A longitude in degrees brought into [-180, 180). */
export function normaliseLng(lngDeg: number): number {
  return ((((lngDeg + 180) % 360) + 360) % 360) - 180;
}

/**
 * The point reached from `origin` (degrees) by following a great circle on the PostGIS sphere for
 * `distanceM` metres, starting at `bearingDeg` degrees clockwise from true north. The result's
 * longitude is normalised to [-180, 180).
 */
export function destination(origin: LatLng, bearingDeg: number, distanceM: number): LatLng {
  const delta = distanceM / EARTH_RADIUS_M;
  const theta = bearingDeg * RAD;
  const phi1 = origin.lat * RAD;
  const sinPhi2 =
    Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta);
  const phi2 = Math.asin(Math.min(1, Math.max(-1, sinPhi2)));
  const dLambda = Math.atan2(
    Math.sin(theta) * Math.sin(delta) * Math.cos(phi1),
    Math.cos(delta) - Math.sin(phi1) * sinPhi2,
  );
  return { lat: phi2 / RAD, lng: normaliseLng(origin.lng + dLambda / RAD) };
}
