import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import {
  applyOffset,
  approximateLocation,
  DEFAULT_BLUR_RING,
  homeDigestMessage,
  MIN_DIGEST_BYTES,
  offsetFromDigest,
  type BlurRing,
  type LocationOffset,
} from './approximate-location';
import { destination, EARTH_RADIUS_M, haversineMetres, normaliseLng } from './distance';
import type { LatLng } from './lat-lng';

const SECRET = 'test-only-location-secret';
const SEED = 20_240_611;
const DINAN: LatLng = { lat: 48.4556, lng: -2.0503 };
const METRES_PER_DEGREE = (Math.PI * EARTH_RADIUS_M) / 180;
/** Floating-point slack when measuring a distance computed on the same sphere, in metres. */
const EPSILON_M = 1e-6;

/** What the API does (with its own secret): HMAC-SHA256 of the canonical home text. */
function homeDigest(home: LatLng, secret = SECRET): Uint8Array {
  return createHmac('sha256', secret).update(homeDigestMessage(home)).digest();
}

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

/** Homes anywhere people live (away from the poles), six decimals like stored coordinates. */
const home = fc.record({
  lat: fc.integer({ min: -80_000_000, max: 80_000_000 }).map((n) => n / 1e6),
  lng: fc.integer({ min: -180_000_000, max: 180_000_000 }).map((n) => n / 1e6),
});

describe(homeDigestMessage.name, () => {
  it.each<[LatLng, string]>([
    [DINAN, '48.455600,-2.050300'],
    [{ lat: 0, lng: 0 }, '0.000000,0.000000'],
    [{ lat: -21.11513, lng: 55.536384 }, '-21.115130,55.536384'],
    [{ lat: 48.45560000004, lng: -2.05030000004 }, '48.455600,-2.050300'],
    [{ lat: 49.4938, lng: -1e-9 }, '49.493800,0.000000'],
    [{ lat: -0, lng: -0 }, '0.000000,0.000000'],
  ])('should write %o as lat,lng with six decimals', (p, message) => {
    expect(homeDigestMessage(p)).toBe(message);
  });

  it('should throw a RangeError on an invalid home', () => {
    expect(() => homeDigestMessage({ lat: 120, lng: 0 })).toThrow(RangeError);
  });
});

describe(offsetFromDigest.name, () => {
  const min = DEFAULT_BLUR_RING.minMetres;
  const max = DEFAULT_BLUR_RING.maxMetres;
  const almostOne = 1 - 2 ** -48;

  it('should default to a 150–400 m ring', () => {
    expect(DEFAULT_BLUR_RING).toEqual({ minMetres: 150, maxMetres: 400 });
  });

  it.each<[string, Uint8Array, LocationOffset]>([
    ['zeros', digestWith({}), { bearingDeg: 0, distanceM: min }],
    ['byte 0 = 0x40', digestWith({ 0: 0x40 }), { bearingDeg: 90, distanceM: min }],
    ['byte 0 = 0x80', digestWith({ 0: 0x80 }), { bearingDeg: 180, distanceM: min }],
    ['byte 0 = 0xc0', digestWith({ 0: 0xc0 }), { bearingDeg: 270, distanceM: min }],
    ['byte 5 = 1', digestWith({ 5: 1 }), { bearingDeg: 360 / 2 ** 48, distanceM: min }],
    [
      'byte 6 = 0x80 (half the area)',
      digestWith({ 6: 0x80 }),
      { bearingDeg: 0, distanceM: Math.sqrt((min * min + max * max) / 2) },
    ],
    [
      'bytes 0–11 = 0xff',
      digestWith(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [i, 0xff]))),
      {
        bearingDeg: 360 * almostOne,
        distanceM: Math.sqrt(min * min + almostOne * (max * max - min * min)),
      },
    ],
    [
      'only bytes 12+ set',
      digestWith({ 12: 0xff, 20: 0xff, 31: 0xff }),
      { bearingDeg: 0, distanceM: min },
    ],
  ])('should decode %s', (_, digest, offset) => {
    const got = offsetFromDigest(digest);
    expect(got.bearingDeg).toBeCloseTo(offset.bearingDeg, 9);
    expect(got.distanceM).toBeCloseTo(offset.distanceM, 9);
    expect(got.bearingDeg).toBeLessThan(360);
  });

  it('should accept a 16-byte digest', () => {
    expect(MIN_DIGEST_BYTES).toBe(16);
    expect(offsetFromDigest(new Uint8Array(16))).toEqual({
      bearingDeg: 0,
      distanceM: min,
    });
  });

  it.each<[BlurRing, number]>([
    [{ minMetres: 100, maxMetres: 100 }, 100],
    [{ minMetres: 50, maxMetres: 250 }, Math.sqrt((50 * 50 + 250 * 250) / 2)],
  ])('should use the ring %o', (ring, distanceM) => {
    expect(offsetFromDigest(digestWith({ 6: 0x80 }), ring).distanceM).toBeCloseTo(distanceM, 9);
  });

  it.each<[string, Uint8Array, BlurRing]>([
    ['an empty digest', new Uint8Array(0), DEFAULT_BLUR_RING],
    ['a 15-byte digest', new Uint8Array(15), DEFAULT_BLUR_RING],
    ['a zero minimum', new Uint8Array(32), { minMetres: 0, maxMetres: 400 }],
    ['a negative minimum', new Uint8Array(32), { minMetres: -150, maxMetres: 400 }],
    ['max < min', new Uint8Array(32), { minMetres: 400, maxMetres: 150 }],
    ['a NaN maximum', new Uint8Array(32), { minMetres: 150, maxMetres: Number.NaN }],
    ['an infinite maximum', new Uint8Array(32), { minMetres: 150, maxMetres: Infinity }],
  ])('should throw a RangeError on %s', (_, digest, ring) => {
    expect(() => offsetFromDigest(digest, ring)).toThrow(RangeError);
  });

  it('should spread offsets uniformly over the ring area and over bearings', () => {
    const n = 8000;
    const medianRadius = Math.sqrt((min * min + max * max) / 2);
    let inner = 0;
    const quadrants = [0, 0, 0, 0];
    for (let i = 0; i < n; i += 1) {
      const { bearingDeg, distanceM } = offsetFromDigest(
        homeDigest({ lat: 48 + i * 1e-4, lng: -2 }),
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

describe(approximateLocation.name, () => {
  it('should always place the public point within the ring (thousands of homes)', () => {
    fc.assert(
      fc.property(home, (h) => {
        const d = haversineMetres(h, approximateLocation(h, homeDigest(h)));
        expect(d).toBeGreaterThanOrEqual(DEFAULT_BLUR_RING.minMetres - EPSILON_M);
        expect(d).toBeLessThanOrEqual(DEFAULT_BLUR_RING.maxMetres + EPSILON_M);
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });

  it.each<BlurRing>([
    { minMetres: 100, maxMetres: 250 },
    { minMetres: 300, maxMetres: 800 },
    { minMetres: 200, maxMetres: 200 },
  ])('should respect a town ring of %o', (ring) => {
    fc.assert(
      fc.property(home, (h) => {
        const d = haversineMetres(h, approximateLocation(h, homeDigest(h), ring));
        expect(d).toBeGreaterThanOrEqual(ring.minMetres - EPSILON_M);
        expect(d).toBeLessThanOrEqual(ring.maxMetres + EPSILON_M);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('should be stable per home', () => {
    fc.assert(
      fc.property(home, (h) => {
        const first = approximateLocation(h, homeDigest(h));
        expect(approximateLocation(h, homeDigest(h))).toEqual(first);
        // The same home typed with noise below the sixth decimal signs the same message.
        const towardZero = (v: number): number => v - Math.sign(v) * 1e-9;
        const noisy = { lat: towardZero(h.lat), lng: towardZero(h.lng) };
        expect(homeDigestMessage(noisy)).toBe(homeDigestMessage(h));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('should give different homes different offsets, even next door', () => {
    const bearings = new Set<number>();
    const n = 2000;
    for (let i = 0; i < n; i += 1) {
      // Neighbouring homes 1e-6° (about 10 cm) apart along a street.
      bearings.add(
        offsetFromDigest(homeDigest({ lat: 48.4556, lng: -2.0503 + i * 1e-6 })).bearingDeg,
      );
    }
    expect(bearings.size).toBe(n);
  });

  it('should give the same home different offsets under another secret', () => {
    const a = offsetFromDigest(homeDigest(DINAN, 'secret-a'));
    const b = offsetFromDigest(homeDigest(DINAN, 'secret-b'));
    expect(a).not.toEqual(b);
  });

  it('should move every listing of one resident by the same displacement', () => {
    const spread = fc.record({
      bearing: fc.double({ min: 0, max: 360, noNaN: true, maxExcluded: true }),
      metres: fc.double({ min: 0, max: 3000, noNaN: true }),
    });
    fc.assert(
      fc.property(
        home.filter((h) => Math.abs(h.lat) < 70),
        spread,
        (h, { bearing, metres }) => {
          const digest = homeDigest(h);
          const listing = destination(h, bearing, metres);
          const atHome = displacement(h, approximateLocation(h, digest));
          const atListing = displacement(listing, approximateLocation(listing, digest));
          // The same bearing and distance, measured locally: equal to well under a metre.
          expect(
            Math.hypot(atHome.east - atListing.east, atHome.north - atListing.north),
          ).toBeLessThan(0.5);
        },
      ),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('should not let averaging many listings reveal the home', () => {
    const digest = homeDigest(DINAN);
    const offset = offsetFromDigest(digest);
    // 60 listings evenly around the home: their centroid is the home itself.
    const listings = Array.from({ length: 60 }, (_, i) => destination(DINAN, i * 6, 200));
    const publicPoints = listings.map((l) => approximateLocation(l, digest));
    const centroid = {
      lat: publicPoints.reduce((s, p) => s + p.lat, 0) / publicPoints.length,
      lng: publicPoints.reduce((s, p) => s + p.lng, 0) / publicPoints.length,
    };
    expect(Math.abs(haversineMetres(DINAN, centroid) - offset.distanceM)).toBeLessThan(1);
  });

  it('should throw a RangeError on an invalid point', () => {
    expect(() => approximateLocation({ lat: Number.NaN, lng: 0 }, homeDigest(DINAN))).toThrow(
      RangeError,
    );
  });
});
