import { destination } from './distance';
import { isValidLatLng, type LatLng } from './lat-lng';

/**
 * The public point of a resident (DESIGN.md §5): the exact home moved by an offset that depends
 * only on a server secret and the home. The API computes `HMAC-SHA256(secret, homeDigestMessage
 * (home))`; this module only turns that digest into an offset, so it stays pure and runs in the
 * browser too. One offset per home, applied to every listing of the resident, so averaging many
 * public points converges on the exact home plus that same offset and reveals nothing.
 */

/** The ring around the exact point in which the public point is placed, in metres. */
export interface BlurRing {
  minMetres: number;
  maxMetres: number;
}

/** Default ring, 150–400 m (per-town setting `blurRing`). */
export const DEFAULT_BLUR_RING: BlurRing = { minMetres: 150, maxMetres: 400 };

/** Bytes of digest read: 6 for the bearing, 6 for the distance, and a margin. */
export const MIN_DIGEST_BYTES = 16;

/** An offset from a point: bearing in degrees clockwise from true north, distance in metres. */
export interface LocationOffset {
  bearingDeg: number;
  distanceM: number;
}

/**
 * The canonical text the server signs for a home (degrees): `"<lat>,<lng>"`, each with six
 * decimals (~0.1 m), latitude first. The same home always yields the same message, hence the
 * same offset; values that round to zero are written `0.000000`, never `-0.000000`.
 *
 * @throws RangeError when the home is not a valid point.
 */
export function homeDigestMessage(home: LatLng): string {
  if (!isValidLatLng(home)) throw new RangeError('home must be a valid { lat, lng } in degrees');
  return `${fixed6(home.lat)},${fixed6(home.lng)}`;
}

/**
 * The offset encoded by a digest (at least `MIN_DIGEST_BYTES` bytes, e.g. an HMAC-SHA256): the
 * bearing in degrees, uniform in [0, 360), from bytes 0–5; the distance in metres, uniform over
 * the ring's area (`sqrt(min² + u·(max² − min²))`, in [min, max]), from bytes 6–11.
 *
 * @throws RangeError when the digest is too short or the ring is not `0 < minMetres <= maxMetres`.
 */
export function offsetFromDigest(
  digest: Uint8Array,
  ring: BlurRing = DEFAULT_BLUR_RING,
): LocationOffset {
  if (digest.length < MIN_DIGEST_BYTES) {
    throw new RangeError(`digest must have at least ${MIN_DIGEST_BYTES} bytes`);
  }
  const { minMetres: min, maxMetres: max } = ring;
  if (!Number.isFinite(min) || !Number.isFinite(max) || min <= 0 || max < min) {
    throw new RangeError('ring must satisfy 0 < minMetres <= maxMetres');
  }
  const u = unitFromBytes(digest, 6);
  return {
    bearingDeg: unitFromBytes(digest, 0) * 360,
    distanceM: Math.sqrt(min * min + u * (max * max - min * min)),
  };
}

/** The point (degrees) moved by `offset` along a great circle (see `destination`). */
export function applyOffset(p: LatLng, offset: LocationOffset): LatLng {
  return destination(p, offset.bearingDeg, offset.distanceM);
}

/**
 * The public point (degrees) of `exact`, given the server's digest of the resident's home (not
 * of `exact`, which may be a listing's own location): every point of one resident moves by the
 * same offset.
 *
 * @throws RangeError when `exact` is invalid, or as `offsetFromDigest`.
 */
export function approximateLocation(
  exact: LatLng,
  digest: Uint8Array,
  ring: BlurRing = DEFAULT_BLUR_RING,
): LatLng {
  if (!isValidLatLng(exact)) throw new RangeError('point must be a valid { lat, lng } in degrees');
  return applyOffset(exact, offsetFromDigest(digest, ring));
}

/** Six big-endian bytes from `start` as a number uniform in [0, 1) (48 bits fit a double). */
function unitFromBytes(bytes: Uint8Array, start: number): number {
  let n = 0;
  for (let i = start; i < start + 6; i += 1) n = n * 256 + (bytes[i] ?? 0);
  return n / 2 ** 48;
}

/** Six decimals, with no negative zero: -1e-9 and 1e-9 are the same home coordinate. */
function fixed6(degrees: number): string {
  const text = degrees.toFixed(6);
  return text === '-0.000000' ? '0.000000' : text;
}
