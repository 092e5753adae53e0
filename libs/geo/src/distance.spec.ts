import fc from 'fast-check';
import { destination, EARTH_RADIUS_M, haversineMetres, normaliseLng } from './distance';
import type { LatLng } from './lat-lng';

const DINAN: LatLng = { lat: 48.4556, lng: -2.0503 };
const PARIS: LatLng = { lat: 48.8566, lng: 2.3522 };
const LYON: LatLng = { lat: 45.764, lng: 4.8357 };

/** -1, 0 or 1, treating rounding noise below 1e-12 as zero. */
const sign = (x: number): number => (Math.abs(x) < 1e-12 ? 0 : Math.sign(x));

describe(haversineMetres.name, () => {
  it('should use the PostGIS sphere radius', () => {
    expect(EARTH_RADIUS_M).toBe(6371008.7714);
  });

  it.each<[string, LatLng, LatLng, number, number]>([
    ['Paris–Lyon', PARIS, LYON, 391_500, 1000],
    ['Dinan centre, 0.01° east', DINAN, { lat: 48.4556, lng: -2.0403 }, 737, 2],
    ['the same point', DINAN, DINAN, 0, 1e-9],
    ['one degree of latitude', { lat: 0, lng: 0 }, { lat: 1, lng: 0 }, 111_195.08, 0.01],
    ['a quarter of the equator', { lat: 0, lng: 0 }, { lat: 0, lng: 90 }, 10_007_557.18, 0.01],
    ['pole to pole', { lat: 90, lng: 0 }, { lat: -90, lng: 0 }, 20_015_114.35, 0.01],
    ['antipodes', { lat: 10, lng: 20 }, { lat: -10, lng: -160 }, 20_015_114.35, 0.01],
  ])('should measure %s', (_, a, b, metres, tolerance) => {
    expect(Math.abs(haversineMetres(a, b) - metres)).toBeLessThanOrEqual(tolerance);
  });

  // Reference values from PostGIS 3.3: ST_Distance(a::geography, b::geography, false).
  it.each<[string, LatLng, LatLng, number]>([
    ['Paris–Lyon', PARIS, LYON, 391499.47067906],
    ['Dinan 0.01° east', DINAN, { lat: 48.4556, lng: -2.0403 }, 737.44602914],
    ['Dinan diagonal', DINAN, { lat: 48.4711, lng: -2.0312 }, 2225.72736652],
    [
      'Brest–Strasbourg',
      { lat: 48.3904, lng: -4.4861 },
      { lat: 48.5734, lng: 7.7521 },
      901298.52949107,
    ],
    ['1.3 m', DINAN, { lat: 48.45561, lng: -2.05031 }, 1.33426426],
    [
      'across the antimeridian',
      { lat: -16.5, lng: 179.9 },
      { lat: -16.6, lng: -179.9 },
      24043.44123758,
    ],
    ['Fort-de-France–Paris', { lat: 14.6161, lng: -61.0588 }, PARIS, 6854226.87481424],
  ])('should match PostGIS within a millimetre for %s', (_, a, b, postgis) => {
    expect(Math.abs(haversineMetres(a, b) - postgis)).toBeLessThan(0.001);
  });

  it('should be symmetric', () => {
    expect(haversineMetres(PARIS, LYON)).toBeCloseTo(haversineMetres(LYON, PARIS), 6);
  });
});

describe(normaliseLng.name, () => {
  it.each<[number, number]>([
    [0, 0],
    [-2.05, -2.05],
    [179.5, 179.5],
    [-180, -180],
    [180, -180],
    [181, -179],
    [-181, 179],
    [540, -180],
    [725, 5],
  ])('should bring %d into [-180, 180)', (lng, expected) => {
    expect(normaliseLng(lng)).toBeCloseTo(expected, 9);
  });
});

describe(destination.name, () => {
  it.each<[number, number, number]>([
    // bearing, expected sign of Δlat, expected sign of Δlng
    [0, 1, 0],
    [90, 0, 1],
    [180, -1, 0],
    [270, 0, -1],
    [45, 1, 1],
    [225, -1, -1],
  ])('should head the right way at bearing %d°', (bearing, latSign, lngSign) => {
    const to = destination(DINAN, bearing, 1000);
    // East-west legs bend slightly towards the equator, so only north/south legs keep lng.
    if (latSign !== 0) expect(sign(to.lat - DINAN.lat)).toBe(latSign);
    expect(sign(to.lng - DINAN.lng)).toBe(lngSign);
    expect(haversineMetres(DINAN, to)).toBeCloseTo(1000, 6);
  });

  it('should move one degree of latitude north for π·R/180 metres', () => {
    const to = destination({ lat: 0, lng: 0 }, 0, (Math.PI * EARTH_RADIUS_M) / 180);
    expect(to.lat).toBeCloseTo(1, 12);
    expect(to.lng).toBeCloseTo(0, 12);
  });

  it('should normalise the longitude across the antimeridian', () => {
    const to = destination({ lat: -16.5, lng: 179.999 }, 90, 1000);
    expect(to.lng).toBeGreaterThanOrEqual(-180);
    expect(to.lng).toBeLessThan(-179.99);
    expect(haversineMetres({ lat: -16.5, lng: 179.999 }, to)).toBeCloseTo(1000, 6);
  });

  it('should return the origin for a zero distance', () => {
    const to = destination(DINAN, 123, 0);
    expect(to.lat).toBeCloseTo(DINAN.lat, 12);
    expect(to.lng).toBeCloseTo(DINAN.lng, 12);
  });

  it('should agree with haversineMetres for any origin, bearing and distance up to 50 km', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -85, max: 85, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: 0, max: 360, noNaN: true, maxExcluded: true }),
        fc.double({ min: 0, max: 50_000, noNaN: true }),
        (lat, lng, bearing, metres) => {
          const to = destination({ lat, lng }, bearing, metres);
          expect(to.lng).toBeGreaterThanOrEqual(-180);
          expect(to.lng).toBeLessThanOrEqual(180);
          expect(Math.abs(haversineMetres({ lat, lng }, to) - metres)).toBeLessThan(1e-6);
        },
      ),
      { seed: 20_240_611, numRuns: 2000 },
    );
  });
});
