import { destination, EARTH_RADIUS_M, haversineMetres, normaliseLng } from './distance';
import { isValidLatLng, type LatLng } from './lat-lng';

/**
 * Public points (DESIGN.md §5): the exact point of a place moved by an offset that depends only
 * on a server secret, the owner and **the place**, i.e. the ~250 m grid cell the exact point falls
 * in. The API computes `HMAC-SHA256(secret, placeDigestMessage(owner, cell, attempt))`; this module
 * only turns digests into offsets and decides when an offset must be redrawn, so it stays pure (it
 * receives the signing function) and holds no secret.
 *
 * - Listings of one owner in one cell move by the same offset, so averaging them reveals nothing.
 * - A place in another cell (a garage, a garden plot) gets its own offset: learning one exact place,
 *   e.g. as the accepted counterparty of an exchange, says nothing about the owner's other places.
 * - A public point never lies closer than the ring's minimum to the owner's home nor to the place
 *   itself; nor can the home's offset, applied to a place in another cell, bring an estimate of
 *   that place (or, the other way round, of the home) within the ring's minimum. An offset that
 *   would do so is redrawn from the same HMAC with the next attempt number.
 */

/** The ring around the exact point in which the public point is placed, in metres. */
export interface BlurRing {
  minMetres: number;
  maxMetres: number;
}

/** Default ring, 150–400 m (the per-town setting `blurRing` starts from it). */
export const DEFAULT_BLUR_RING: BlurRing = { minMetres: 150, maxMetres: 400 };

/** Bytes of digest read: 6 for the bearing, 6 for the distance, and a margin. */
export const MIN_DIGEST_BYTES = 16;

/** An offset from a point: bearing in degrees clockwise from true north, distance in metres. */
export interface LocationOffset {
  bearingDeg: number;
  distanceM: number;
}

/** Side of the grid cells that make a "place", in metres (DESIGN.md §5: ~250 m). */
export const PLACE_CELL_METRES = 250;

/** Micro-degrees per degree: coordinates are quantised to 1e-6° (~0.1 m) before gridding. */
const MICRO = 1_000_000;
const RAD = Math.PI / 180;
/** Metres per degree of latitude on the PostGIS sphere (~111 195 m). */
const METRES_PER_DEGREE = (Math.PI * EARTH_RADIUS_M) / 180;

/** Height of a cell row in micro-degrees of latitude: 2248 µ° ≈ 249.97 m everywhere. */
export const PLACE_CELL_LAT_MICRODEG = Math.round((PLACE_CELL_METRES / METRES_PER_DEGREE) * MICRO);

/**
 * How many draws an offset gets before the deterministic fallback. With the default ring about a
 * quarter of draws are refused in the worst geometries measured (a place one cell from home), so
 * 100 refusals in a row do not happen; the fallback only exists so the function is total for any
 * ring.
 */
export const MAX_OFFSET_DRAWS = 100;

/**
 * Metres added to the ring's minimum when checking a candidate, so the guarantee survives the
 * round trip through the database and another implementation of the sphere distance (PostGIS
 * agrees with `haversineMetres` within millimetres).
 */
export const RING_CHECK_MARGIN_M = 0.01;

/**
 * A cell of the place grid: `row` counts 2248 µ° (~250 m) bands of latitude from the equator
 * (negative in the south); `col` counts the band's columns eastwards from the antimeridian. Each
 * band has as many columns as fit ~250 m wide at its central latitude, so cells are ~250 m × 250 m
 * everywhere (mainland France, Réunion, Guadeloupe alike) and the columns of a band close exactly
 * around the globe (no seam at ±180°).
 */
export interface PlaceCell {
  row: number;
  col: number;
}

/** Columns of the band `row` (at least one, at the poles). */
export function placeCellColumns(row: number): number {
  const centreLat = Math.min(90, Math.max(-90, ((row + 0.5) * PLACE_CELL_LAT_MICRODEG) / MICRO));
  return Math.max(
    1,
    Math.round((360 * MICRO * Math.cos(centreLat * RAD)) / PLACE_CELL_LAT_MICRODEG),
  );
}

/**
 * The grid cell of a point (degrees). Coordinates are first rounded to six decimals, then gridded
 * with integer arithmetic only (exact below 2^53), so a point read back from the database, or typed
 * with noise below the sixth decimal, always falls in the same cell.
 *
 * @throws RangeError when the point is invalid.
 */
export function placeCell(p: LatLng): PlaceCell {
  if (!isValidLatLng(p)) throw new RangeError('point must be a valid { lat, lng } in degrees');
  const latE6 = Math.round(p.lat * MICRO);
  const lngE6 = Math.round(p.lng * MICRO);
  // `+ 0` turns a negative zero into zero, so the cell's text never reads "-0".
  const row = Math.floor(latE6 / PLACE_CELL_LAT_MICRODEG) + 0;
  const cols = placeCellColumns(row);
  // Micro-degrees east of the antimeridian, in [0, 360e6]; 180° wraps to column 0 like -180°.
  const east = lngE6 + 180 * MICRO;
  const col = Math.floor((east * cols) / (360 * MICRO)) % cols;
  return { row, col };
}

/** Whether two points fall in the same place cell. */
export function samePlaceCell(a: LatLng, b: LatLng): boolean {
  const ca = placeCell(a);
  const cb = placeCell(b);
  return ca.row === cb.row && ca.col === cb.col;
}

/**
 * The canonical text the server signs for draw number `attempt` (0 first) of an owner's place:
 * `"place:v1|<owner id>|<row>|<col>|<attempt>"`.
 *
 * @throws RangeError when the owner id is empty or contains `|`, or `attempt` is not an integer ≥ 0.
 */
export function placeDigestMessage(ownerId: string, cell: PlaceCell, attempt: number): string {
  if (ownerId === '' || ownerId.includes('|')) {
    throw new RangeError('ownerId must be a non-empty id without "|"');
  }
  if (!Number.isInteger(attempt) || attempt < 0) {
    throw new RangeError('attempt must be an integer >= 0');
  }
  return `place:v1|${ownerId}|${cell.row}|${cell.col}|${attempt}`;
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
  assertRing(ring);
  const { minMetres: min, maxMetres: max } = ring;
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

/** Signs a message with the server's secret (HMAC-SHA256 in the API). */
export type PlaceSigner = (message: string) => Uint8Array;

export interface PublicPointInput {
  /** The owner's id: two owners' places in one cell get independent offsets. */
  ownerId: string;
  /** The exact place (degrees): where the listing, or the home itself, is. */
  place: LatLng;
  /** The owner's exact home (degrees). */
  home: LatLng;
  /** The town's ring (metres); `DEFAULT_BLUR_RING` when absent. */
  ring?: BlurRing;
}

/** A public point and how it was drawn (the API stores `point` only). */
export interface PublicPlacement {
  /** Degrees. */
  point: LatLng;
  offset: LocationOffset;
  cell: PlaceCell;
  /**
   * The draw that was kept: 0 for the first, n after n refused draws, `MAX_OFFSET_DRAWS` for the
   * deterministic fallback.
   */
  attempt: number;
}

/**
 * The public point of `place` for `ownerId` living at `home` (degrees). Deterministic: the same
 * owner, cell of the place, home and ring always give the same point.
 *
 * Draw `k` is `offsetFromDigest(sign(placeDigestMessage(owner, cell, k)), ring)` applied to the
 * place; it is kept when the candidate lies at least the ring's minimum from the home and from the
 * place and, for a place outside the home's cell, when neither `candidate − homeOffset` nor
 * `homePublic − (candidate − place)` (degree arithmetic, what anyone knowing one exact place would
 * compute) falls within the ring's minimum of the place, resp. of the home. Otherwise the next
 * draw is tried.
 *
 * @throws RangeError when a point or the owner id is invalid, or the ring is not
 *   `0 < minMetres <= maxMetres`.
 */
export function publicPlacement(input: PublicPointInput, sign: PlaceSigner): PublicPlacement {
  const { ownerId, place, home } = input;
  const ring = input.ring ?? DEFAULT_BLUR_RING;
  if (!isValidLatLng(place)) throw new RangeError('place must be a valid { lat, lng } in degrees');
  if (!isValidLatLng(home)) throw new RangeError('home must be a valid { lat, lng } in degrees');
  assertRing(ring);
  const far = (a: LatLng, b: LatLng) =>
    haversineMetres(a, b) >= ring.minMetres + RING_CHECK_MARGIN_M;
  const clearOfHome = (c: LatLng) => far(c, home) && far(c, place);

  // Offsets are drawn from the ring with its minimum pushed out by twice the margin, so even a draw
  // at the minimum passes the check against the place itself (public points lie 150.02–400 m away;
  // a ring narrower than that, min == max, grows by those 2 cm).
  const drawMin = ring.minMetres + 2 * RING_CHECK_MARGIN_M;
  const drawRing = { minMetres: drawMin, maxMetres: Math.max(ring.maxMetres, drawMin) };
  const homeCell = placeCell(home);
  const cell = placeCell(place);
  if (cell.row === homeCell.row && cell.col === homeCell.col) {
    return draw(ownerId, place, home, cell, drawRing, sign, clearOfHome);
  }
  const homePublic = draw(ownerId, home, home, homeCell, drawRing, sign, (c) => far(c, home)).point;
  const homeShift = { lat: homePublic.lat - home.lat, lng: homePublic.lng - home.lng };
  return draw(ownerId, place, home, cell, drawRing, sign, (c) => {
    if (!clearOfHome(c)) return false;
    const placeEstimate = { lat: c.lat - homeShift.lat, lng: c.lng - homeShift.lng };
    const homeEstimate = {
      lat: homePublic.lat - (c.lat - place.lat),
      lng: homePublic.lng - (c.lng - place.lng),
    };
    return far(placeEstimate, place) && far(homeEstimate, home);
  });
}

/** The public point (degrees) of `publicPlacement`. */
export function publicPointOf(input: PublicPointInput, sign: PlaceSigner): LatLng {
  return publicPlacement(input, sign).point;
}

function draw(
  ownerId: string,
  place: LatLng,
  home: LatLng,
  cell: PlaceCell,
  ring: BlurRing,
  sign: PlaceSigner,
  accept: (candidate: LatLng) => boolean,
): PublicPlacement {
  for (let attempt = 0; attempt < MAX_OFFSET_DRAWS; attempt += 1) {
    const offset = offsetFromDigest(sign(placeDigestMessage(ownerId, cell, attempt)), ring);
    const point = applyOffset(place, offset);
    if (accept(point)) return { point, offset, cell, attempt };
  }
  // Fallback, for degenerate rings only: the first whole bearing (at the ring's outer edge, then
  // its middle) that passes; failing that, straight away from the home, which keeps the two
  // distance guarantees whatever the geometry.
  for (const distanceM of [ring.maxMetres, (ring.minMetres + ring.maxMetres) / 2]) {
    for (let bearingDeg = 0; bearingDeg < 360; bearingDeg += 1) {
      const offset = { bearingDeg, distanceM };
      const point = applyOffset(place, offset);
      if (accept(point)) return { point, offset, cell, attempt: MAX_OFFSET_DRAWS };
    }
  }
  const offset = { bearingDeg: awayFrom(home, place), distanceM: ring.maxMetres };
  return { point: applyOffset(place, offset), offset, cell, attempt: MAX_OFFSET_DRAWS };
}

/** Initial bearing (degrees) from `from` to `to`; north when they coincide. */
function awayFrom(from: LatLng, to: LatLng): number {
  const phi1 = from.lat * RAD;
  const phi2 = to.lat * RAD;
  const dLambda = normaliseLng(to.lng - from.lng) * RAD;
  const y = Math.sin(dLambda) * Math.cos(phi2);
  const x = Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(dLambda);
  if (x === 0 && y === 0) return 0;
  return (((Math.atan2(y, x) / RAD) % 360) + 360) % 360;
}

function assertRing(ring: BlurRing): void {
  const { minMetres: min, maxMetres: max } = ring;
  if (!Number.isFinite(min) || !Number.isFinite(max) || min <= 0 || max < min) {
    throw new RangeError('ring must satisfy 0 < minMetres <= maxMetres');
  }
}

/** Six big-endian bytes from `start` as a number uniform in [0, 1) (48 bits fit a double). */
function unitFromBytes(bytes: Uint8Array, start: number): number {
  let n = 0;
  for (let i = start; i < start + 6; i += 1) n = n * 256 + (bytes[i] ?? 0);
  return n / 2 ** 48;
}
