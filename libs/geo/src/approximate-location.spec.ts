import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import {
  applyOffset,
  DEFAULT_BLUR_RING,
  MAX_OFFSET_DRAWS,
  MIN_DIGEST_BYTES,
  offsetFromDigest,
  PLACE_CELL_LAT_MICRODEG,
  placeCell,
  placeCellColumns,
  placeDigestMessage,
  publicPlacement,
  publicPointOf,
  samePlaceCell,
  type BlurRing,
  type LocationOffset,
  type PlaceCell,
  type PlaceSigner,
  type PublicPointInput,
} from './approximate-location';
import { destination, EARTH_RADIUS_M, haversineMetres, normaliseLng } from './distance';
import type { LatLng } from './lat-lng';

const SECRET = 'test-only-location-secret';
const SEED = 20_240_611;
const DINAN: LatLng = { lat: 48.4556, lng: -2.0503 };
const SAINT_DENIS_REUNION: LatLng = { lat: -20.8789, lng: 55.4481 };
const POINTE_A_PITRE: LatLng = { lat: 16.2411, lng: -61.5331 };
const OWNER = '6f1c2a9e-0b7d-4c1e-9a51-3e2f7d8c9b10';
const METRES_PER_DEGREE = (Math.PI * EARTH_RADIUS_M) / 180;
const MIN = DEFAULT_BLUR_RING.minMetres;
const MAX = DEFAULT_BLUR_RING.maxMetres;
/** Floating-point slack when measuring a distance computed on the same sphere, in metres. */
const EPSILON_M = 1e-6;

/** What the API does (with its own secret): HMAC-SHA256 of the canonical message. */
const signer =
  (secret = SECRET): PlaceSigner =>
  (message) =>
    new Uint8Array(createHmac('sha256', secret).update(message).digest());
const sign = signer();

/** A 32-byte digest, all zero but the given bytes. */
function digestWith(bytes: Record<number, number>): Uint8Array {
  const d = new Uint8Array(32);
  for (const [i, v] of Object.entries(bytes)) d[Number(i)] = v;
  return d;
}

/** Local east/north displacement in metres from `a` to `b` (equirectangular, fine under 1 km). */
function displacement(a: LatLng, b: LatLng): { east: number; north: number } {
  const midLat = ((a.lat + b.lat) / 2) * (Math.PI / 180);
  return {
    north: (b.lat - a.lat) * METRES_PER_DEGREE,
    east: normaliseLng(b.lng - a.lng) * METRES_PER_DEGREE * Math.cos(midLat),
  };
}

/** What a counterparty who learnt one exact place computes: `approx − exact`, in degrees. */
const shift = (approx: LatLng, exact: LatLng) => ({
  lat: approx.lat - exact.lat,
  lng: approx.lng - exact.lng,
});
const minus = (p: LatLng, s: { lat: number; lng: number }) => ({
  lat: p.lat - s.lat,
  lng: p.lng - s.lng,
});

/** Homes anywhere people live (away from the poles), six decimals like stored coordinates. */
const home = fc.record({
  lat: fc.integer({ min: -80_000_000, max: 80_000_000 }).map((n) => n / 1e6),
  lng: fc.integer({ min: -180_000_000, max: 180_000_000 }).map((n) => n / 1e6),
});
/** Where a listing stands relative to the home: at home, next door, or up to 20 km away. */
const away = fc.oneof(
  fc.constant({ bearing: 0, metres: 0 }),
  fc.record({
    bearing: fc.double({ min: 0, max: 360, noNaN: true, maxExcluded: true }),
    metres: fc.oneof(
      fc.double({ min: 0, max: 600, noNaN: true }),
      fc.double({ min: 0, max: 20_000, noNaN: true }),
    ),
  }),
);
const ownerId = fc.uuid();
const ring = fc
  .record({
    min: fc.integer({ min: 50, max: 500 }),
    width: fc.integer({ min: 0, max: 800 }),
  })
  .map(({ min, width }): BlurRing => ({ minMetres: min, maxMetres: min + width }));

describe(placeCell.name, () => {
  it('should use bands of 2248 µ° of latitude (~250 m)', () => {
    expect(PLACE_CELL_LAT_MICRODEG).toBe(2248);
    expect((PLACE_CELL_LAT_MICRODEG / 1e6) * METRES_PER_DEGREE).toBeCloseTo(249.97, 1);
  });

  it.each<[string, number]>([
    ['the equator', 0],
    ['Pointe-à-Pitre (Guadeloupe)', POINTE_A_PITRE.lat],
    ['Mamoudzou (Mayotte)', -12.78],
    ['Saint-Denis (Réunion)', SAINT_DENIS_REUNION.lat],
    ['Marseille', 43.3],
    ['Saint-Pierre-et-Miquelon', 46.78],
    ['Dinan', DINAN.lat],
    ['Dunkerque', 51.03],
    ['Tromsø', 69.65],
  ])('should make cells about 250 m wide at %s', (_, lat) => {
    const { row } = placeCell({ lat, lng: 0 });
    const centre = ((row + 0.5) * PLACE_CELL_LAT_MICRODEG) / 1e6;
    const width =
      (360 / placeCellColumns(row)) * METRES_PER_DEGREE * Math.cos((centre * Math.PI) / 180);
    expect(Math.abs(width - 250)).toBeLessThan(1);
  });

  it.each<[LatLng, PlaceCell]>([
    [
      { lat: 0, lng: 0 },
      { row: 0, col: 80071 },
    ],
    [
      { lat: -0, lng: -1e-9 },
      { row: 0, col: 80071 },
    ],
    [
      { lat: -1e-9, lng: 0 },
      { row: 0, col: 80071 },
    ],
    [
      { lat: -0.000001, lng: 0 },
      { row: -1, col: 80071 },
    ],
    [DINAN, { row: 21554, col: 52499 }],
    [SAINT_DENIS_REUNION, { row: -9288, col: 97859 }],
    [POINTE_A_PITRE, { row: 7224, col: 50595 }],
    [
      { lat: 10, lng: -180 },
      { row: 4448, col: 0 },
    ],
    [
      { lat: 10, lng: 180 },
      { row: 4448, col: 0 },
    ],
    [
      { lat: 90, lng: 45 },
      { row: 40035, col: 0 },
    ],
    [
      { lat: -90, lng: -45 },
      { row: -40036, col: 0 },
    ],
  ])('should put %o in cell %o', (p, cell) => {
    expect(placeCell(p)).toEqual(cell);
  });

  it('should give a point read back with noise below the sixth decimal the same cell', () => {
    fc.assert(
      fc.property(home, (h) => {
        const towardZero = (v: number): number => v - Math.sign(v) * 1e-9;
        expect(placeCell({ lat: towardZero(h.lat), lng: towardZero(h.lng) })).toEqual(placeCell(h));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('should keep cells under 250 m on a side: points 260 m apart never share one', () => {
    fc.assert(
      fc.property(home, fc.integer({ min: 0, max: 3 }), (h, quarter) => {
        // North/south steps change the band; east/west steps move at least one column.
        expect(samePlaceCell(h, destination(h, quarter * 90, 260))).toBe(false);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('should keep every point of a cell within about 355 m (the cell diagonal) of the others', () => {
    fc.assert(
      fc.property(home, fc.double({ min: 0, max: 360, noNaN: true }), (h, bearing) => {
        const other = destination(h, bearing, 60);
        if (samePlaceCell(h, other)) return;
        // A point in a neighbouring cell is at most ~2 cells away from any point of h's cell.
        expect(haversineMetres(h, other)).toBeLessThan(2 * 355);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('should throw a RangeError on an invalid point', () => {
    expect(() => placeCell({ lat: 91, lng: 0 })).toThrow(RangeError);
  });
});

describe(placeDigestMessage.name, () => {
  it('should write the owner, the cell and the draw number', () => {
    expect(placeDigestMessage(OWNER, { row: 21555, col: 52829 }, 0)).toBe(
      `place:v1|${OWNER}|21555|52829|0`,
    );
    expect(placeDigestMessage(OWNER, { row: -9288, col: 3 }, 7)).toBe(
      `place:v1|${OWNER}|-9288|3|7`,
    );
  });

  it.each<[string, string, number]>([
    ['an empty owner', '', 0],
    ['an owner with a separator', 'a|b', 0],
    ['a negative attempt', OWNER, -1],
    ['a fractional attempt', OWNER, 1.5],
  ])('should throw a RangeError on %s', (_, owner, attempt) => {
    expect(() => placeDigestMessage(owner, { row: 0, col: 0 }, attempt)).toThrow(RangeError);
  });
});

describe(offsetFromDigest.name, () => {
  const almostOne = 1 - 2 ** -48;

  it('should default to a 150–400 m ring', () => {
    expect(DEFAULT_BLUR_RING).toEqual({ minMetres: 150, maxMetres: 400 });
  });

  it.each<[string, Uint8Array, LocationOffset]>([
    ['zeros', digestWith({}), { bearingDeg: 0, distanceM: MIN }],
    ['byte 0 = 0x40', digestWith({ 0: 0x40 }), { bearingDeg: 90, distanceM: MIN }],
    ['byte 0 = 0x80', digestWith({ 0: 0x80 }), { bearingDeg: 180, distanceM: MIN }],
    ['byte 0 = 0xc0', digestWith({ 0: 0xc0 }), { bearingDeg: 270, distanceM: MIN }],
    ['byte 5 = 1', digestWith({ 5: 1 }), { bearingDeg: 360 / 2 ** 48, distanceM: MIN }],
    [
      'byte 6 = 0x80 (half the area)',
      digestWith({ 6: 0x80 }),
      { bearingDeg: 0, distanceM: Math.sqrt((MIN * MIN + MAX * MAX) / 2) },
    ],
    [
      'bytes 0–11 = 0xff',
      digestWith(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [i, 0xff]))),
      {
        bearingDeg: 360 * almostOne,
        distanceM: Math.sqrt(MIN * MIN + almostOne * (MAX * MAX - MIN * MIN)),
      },
    ],
    [
      'only bytes 12+ set',
      digestWith({ 12: 0xff, 20: 0xff, 31: 0xff }),
      { bearingDeg: 0, distanceM: MIN },
    ],
  ])('should decode %s', (_, digest, offset) => {
    const got = offsetFromDigest(digest);
    expect(got.bearingDeg).toBeCloseTo(offset.bearingDeg, 9);
    expect(got.distanceM).toBeCloseTo(offset.distanceM, 9);
    expect(got.bearingDeg).toBeLessThan(360);
  });

  it('should accept a 16-byte digest', () => {
    expect(MIN_DIGEST_BYTES).toBe(16);
    expect(offsetFromDigest(new Uint8Array(16))).toEqual({ bearingDeg: 0, distanceM: MIN });
  });

  it.each<[BlurRing, number]>([
    [{ minMetres: 100, maxMetres: 100 }, 100],
    [{ minMetres: 50, maxMetres: 250 }, Math.sqrt((50 * 50 + 250 * 250) / 2)],
  ])('should use the ring %o', (r, distanceM) => {
    expect(offsetFromDigest(digestWith({ 6: 0x80 }), r).distanceM).toBeCloseTo(distanceM, 9);
  });

  it.each<[string, Uint8Array, BlurRing]>([
    ['an empty digest', new Uint8Array(0), DEFAULT_BLUR_RING],
    ['a 15-byte digest', new Uint8Array(15), DEFAULT_BLUR_RING],
    ['a zero minimum', new Uint8Array(32), { minMetres: 0, maxMetres: 400 }],
    ['a negative minimum', new Uint8Array(32), { minMetres: -150, maxMetres: 400 }],
    ['max < min', new Uint8Array(32), { minMetres: 400, maxMetres: 150 }],
    ['a NaN maximum', new Uint8Array(32), { minMetres: 150, maxMetres: Number.NaN }],
    ['an infinite maximum', new Uint8Array(32), { minMetres: 150, maxMetres: Infinity }],
  ])('should throw a RangeError on %s', (_, digest, r) => {
    expect(() => offsetFromDigest(digest, r)).toThrow(RangeError);
  });

  it('should spread offsets uniformly over the ring area and over bearings', () => {
    const n = 8000;
    const medianRadius = Math.sqrt((MIN * MIN + MAX * MAX) / 2);
    let inner = 0;
    const quadrants = [0, 0, 0, 0];
    for (let i = 0; i < n; i += 1) {
      const { bearingDeg, distanceM } = offsetFromDigest(
        sign(placeDigestMessage(OWNER, { row: i, col: 7 }, 0)),
      );
      if (distanceM < medianRadius) inner += 1;
      const q = Math.floor(bearingDeg / 90);
      quadrants[q] = (quadrants[q] ?? 0) + 1;
    }
    // Area-uniform: half the points inside the radius that halves the ring's area (not its width).
    expect(inner / n).toBeGreaterThan(0.47);
    expect(inner / n).toBeLessThan(0.53);
    for (const count of quadrants) {
      expect(count / n).toBeGreaterThan(0.22);
      expect(count / n).toBeLessThan(0.28);
    }
  });
});

describe(applyOffset.name, () => {
  it.each<[number, number]>([
    [0, 150],
    [90, 400],
    [200, 275],
  ])('should move the point %d° by %d m', (bearingDeg, distanceM) => {
    const moved = applyOffset(DINAN, { bearingDeg, distanceM });
    expect(moved).toEqual(destination(DINAN, bearingDeg, distanceM));
    expect(haversineMetres(DINAN, moved)).toBeCloseTo(distanceM, 6);
  });
});

describe(publicPlacement.name, () => {
  const input = (h: LatLng, a: { bearing: number; metres: number }, owner: string) => ({
    ownerId: owner,
    home: h,
    place: a.metres === 0 ? h : destination(h, a.bearing, a.metres),
  });

  it('should never place a public point within the ring minimum of the home or of the place (random homes and places)', () => {
    fc.assert(
      fc.property(home, away, ownerId, (h, a, owner) => {
        const i = input(h, a, owner);
        const { point, attempt } = publicPlacement(i, sign);
        expect(haversineMetres(point, i.home)).toBeGreaterThanOrEqual(MIN);
        expect(haversineMetres(point, i.place)).toBeGreaterThanOrEqual(MIN);
        expect(haversineMetres(point, i.place)).toBeLessThanOrEqual(MAX + EPSILON_M);
        expect(attempt).toBeLessThan(MAX_OFFSET_DRAWS);
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });

  it('should respect any town ring', () => {
    fc.assert(
      fc.property(home, away, ownerId, ring, (h, a, owner, r) => {
        const i = { ...input(h, a, owner), ring: r };
        const { point } = publicPlacement(i, sign);
        expect(haversineMetres(point, i.home)).toBeGreaterThanOrEqual(r.minMetres);
        expect(haversineMetres(point, i.place)).toBeGreaterThanOrEqual(r.minMetres);
        // A ring with min == max grows by the 2 cm of the check margin.
        expect(haversineMetres(point, i.place)).toBeLessThanOrEqual(
          Math.max(r.maxMetres, r.minMetres + 0.02) + EPSILON_M,
        );
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('should be deterministic, and depend on the secret', () => {
    fc.assert(
      fc.property(home, away, ownerId, (h, a, owner) => {
        const i = input(h, a, owner);
        const first = publicPlacement(i, sign);
        expect(publicPlacement(i, signer())).toEqual(first);
        expect(publicPointOf(i, sign)).toEqual(first.point);
        expect(publicPointOf(i, signer('another-secret'))).not.toEqual(first.point);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it("should give the home its own public point, the same as a listing at home's", () => {
    fc.assert(
      fc.property(home, ownerId, (h, owner) => {
        const atHome = publicPlacement({ ownerId: owner, home: h, place: h }, sign);
        expect(atHome.cell).toEqual(placeCell(h));
        const towardZero = (v: number): number => v - Math.sign(v) * 1e-10;
        const typedAgain = { lat: towardZero(h.lat), lng: towardZero(h.lng) };
        expect(
          publicPlacement({ ownerId: owner, home: h, place: typedAgain }, sign).offset,
        ).toEqual(atHome.offset);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('should move places of one cell by the same offset (same cell → same offset)', () => {
    fc.assert(
      fc.property(
        home,
        ownerId,
        fc.double({ min: 0, max: 360, noNaN: true }),
        fc.double({ min: 0, max: 360, noNaN: true }),
        fc.double({ min: 0, max: 120, noNaN: true }),
        (h, owner, bearing, spreadBearing, spread) => {
          // A garage 3 km from home and a second spot near it, kept when it is in the same cell.
          const garage = destination(h, bearing, 3000);
          const shed = destination(garage, spreadBearing, spread);
          fc.pre(samePlaceCell(garage, shed));
          const a = publicPlacement({ ownerId: owner, home: h, place: garage }, sign);
          const b = publicPlacement({ ownerId: owner, home: h, place: shed }, sign);
          expect(b.cell).toEqual(a.cell);
          if (a.attempt === b.attempt) expect(b.offset).toEqual(a.offset);
          // Measured locally, both points move by the same vector (under a metre).
          if (a.attempt === b.attempt && Math.abs(h.lat) < 70) {
            const da = displacement(garage, a.point);
            const db = displacement(shed, b.point);
            expect(Math.hypot(da.east - db.east, da.north - db.north)).toBeLessThan(0.5);
          }
        },
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('should move every place of one cell by one offset, so averaging them reveals nothing', () => {
    // 60 spots 30 m around the centre of a cell 2.5 km from home.
    const { row, col } = placeCell(destination(DINAN, 45, 2500));
    const cols = placeCellColumns(row);
    const centre = {
      lat: ((row + 0.5) * PLACE_CELL_LAT_MICRODEG) / 1e6,
      lng: ((col + 0.5) * 360) / cols - 180,
    };
    const spots = Array.from({ length: 60 }, (_, i) => destination(centre, i * 6, 30));
    const placements = spots.map((place) =>
      publicPlacement({ ownerId: OWNER, home: DINAN, place }, sign),
    );
    expect(new Set(placements.map((p) => `${p.cell.row}:${p.cell.col}`))).toEqual(
      new Set([`${row}:${col}`]),
    );
    expect(new Set(placements.map((p) => JSON.stringify(p.offset))).size).toBe(1);
    const offset = placements[0]!.offset;
    // The centroid of the public points is the centroid of the places (the cell centre) plus
    // that one offset: no closer to any spot than the offset itself.
    const centroid = (ps: LatLng[]) => ({
      lat: ps.reduce((s, p) => s + p.lat, 0) / ps.length,
      lng: ps.reduce((s, p) => s + p.lng, 0) / ps.length,
    });
    const c = centroid(placements.map((p) => p.point));
    expect(Math.abs(haversineMetres(centre, c) - offset.distanceM)).toBeLessThan(1);
  });

  it("should give places in different cells independent offsets: knowing the home's says nothing useful about a garden's", () => {
    const n = 4000;
    let firstDrawsDot = 0;
    const errors: number[] = [];
    const directions = [0, 0, 0, 0];
    for (let i = 0; i < n; i += 1) {
      const owner = `owner-${i}`;
      const h = { lat: 48 + (i % 97) * 0.01, lng: -2 + Math.floor(i / 97) * 0.01 };
      const garden = destination(h, 90, 1500);
      // The HMAC draws of two cells are uncorrelated: the mean cosine of their bearings' difference is ~0.
      const [a0, b0] = [h, garden].map((p) =>
        offsetFromDigest(sign(placeDigestMessage(owner, placeCell(p), 0))),
      );
      firstDrawsDot += Math.cos(((b0!.bearingDeg - a0!.bearingDeg) * Math.PI) / 180);
      // What the counterparty of an exchange at home would guess for the garden.
      const homePoint = publicPointOf({ ownerId: owner, home: h, place: h }, sign);
      const gardenPoint = publicPointOf({ ownerId: owner, home: h, place: garden }, sign);
      const guess = minus(gardenPoint, shift(homePoint, h));
      errors.push(haversineMetres(guess, garden));
      const d = displacement(garden, guess);
      const q = Math.floor(
        (((((Math.atan2(d.east, d.north) * 180) / Math.PI) % 360) + 360) % 360) / 90,
      );
      directions[q] = (directions[q] ?? 0) + 1;
    }
    expect(Math.abs(firstDrawsDot / n)).toBeLessThan(0.05);
    errors.sort((x, y) => x - y);
    // The guess is never within the ring minimum (redrawn otherwise), typically ~440 m off...
    expect(errors[0]).toBeGreaterThanOrEqual(MIN);
    expect(errors[n / 2]).toBeGreaterThan(380);
    // ...in a direction the guesser cannot tell.
    for (const count of directions) {
      expect(count / n).toBeGreaterThan(0.22);
      expect(count / n).toBeLessThan(0.28);
    }
  });

  it('should give two owners in one cell different offsets', () => {
    const offsets = new Set<number>();
    for (let i = 0; i < 500; i += 1) {
      offsets.add(
        publicPlacement({ ownerId: `o${i}`, home: DINAN, place: DINAN }, sign).offset.bearingDeg,
      );
    }
    expect(offsets.size).toBe(500);
  });

  it('should defeat both attacks: one exact place learnt never locates another place of the owner within the ring minimum', () => {
    fc.assert(
      fc.property(
        home,
        ownerId,
        fc.double({ min: 0, max: 360, noNaN: true }),
        fc.double({ min: 260, max: 20_000, noNaN: true }),
        (h, owner, bearing, metres) => {
          const garage = destination(h, bearing, metres);
          fc.pre(!samePlaceCell(h, garage));
          const homePoint = publicPointOf({ ownerId: owner, home: h, place: h }, sign);
          const garagePoint = publicPointOf({ ownerId: owner, home: h, place: garage }, sign);
          // Attack 1, both ways: the counterparty learns one place, applies its shift to the other.
          const garageGuess = minus(garagePoint, shift(homePoint, h));
          const homeGuess = minus(homePoint, shift(garagePoint, garage));
          expect(haversineMetres(garageGuess, garage)).toBeGreaterThanOrEqual(MIN);
          expect(haversineMetres(homeGuess, h)).toBeGreaterThanOrEqual(MIN);
          // Attack 2: a listing away from home never lands next to the home.
          expect(haversineMetres(garagePoint, h)).toBeGreaterThanOrEqual(MIN);
        },
      ),
      { seed: SEED, numRuns: 5000 },
    );
  });

  it('should redraw deterministically, and fall back to a point that keeps both guarantees when every draw is refused', () => {
    const place = DINAN;
    // A home 100 m north of the place, and a signer whose every draw points 150 m north: 50 m
    // from the home, always refused.
    const north: PlaceSigner = () => new Uint8Array(32);
    const h = destination(place, 0, 100);
    const i: PublicPointInput = { ownerId: OWNER, home: h, place };
    const got = publicPlacement(i, north);
    expect(got.attempt).toBe(MAX_OFFSET_DRAWS);
    expect(haversineMetres(got.point, h)).toBeGreaterThanOrEqual(MIN);
    expect(haversineMetres(got.point, place)).toBeGreaterThanOrEqual(MIN);
    expect(publicPlacement(i, north)).toEqual(got);

    // With a real signer, draws are redrawn with the next counter until one passes.
    const messages: string[] = [];
    const spy: PlaceSigner = (m) => {
      messages.push(m);
      return sign(m);
    };
    const real = publicPlacement(i, spy);
    expect(messages.slice(-1 - real.attempt).map((m) => m.split('|').pop())).toEqual(
      Array.from({ length: real.attempt + 1 }, (_, k) => String(k)),
    );
  });

  it('should throw a RangeError on an invalid point, owner or ring', () => {
    const ok = { ownerId: OWNER, home: DINAN, place: DINAN };
    expect(() => publicPlacement({ ...ok, place: { lat: Number.NaN, lng: 0 } }, sign)).toThrow(
      RangeError,
    );
    expect(() => publicPlacement({ ...ok, home: { lat: 0, lng: 200 } }, sign)).toThrow(RangeError);
    expect(() => publicPlacement({ ...ok, ownerId: '' }, sign)).toThrow(RangeError);
    expect(() =>
      publicPlacement({ ...ok, ring: { minMetres: 300, maxMetres: 100 } }, sign),
    ).toThrow(RangeError);
  });
});
