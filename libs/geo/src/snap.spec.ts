import fc from 'fast-check';
import { EARTH_RADIUS_M, haversineMetres } from './distance';
import { isValidLatLng, type LatLng } from './lat-lng';
import { DEFAULT_SNAP_METRES, snapToGrid } from './snap';

const METRES_PER_DEGREE = (Math.PI * EARTH_RADIUS_M) / 180;
const DINAN: LatLng = { lat: 48.4556, lng: -2.0503 };
const SEED = 20_240_611;

/** Any point away from the poles, where cells are close to square. */
const point = fc.record({
  lat: fc.double({ min: -80, max: 80, noNaN: true }),
  lng: fc.double({ min: -180, max: 180, noNaN: true }),
});

describe(snapToGrid.name, () => {
  it('should default to 200 m cells', () => {
    expect(DEFAULT_SNAP_METRES).toBe(200);
    expect(snapToGrid(DINAN)).toEqual(snapToGrid(DINAN, 200));
  });

  it.each([100, 200, 250])('should be idempotent with %d m cells', (cell) => {
    fc.assert(
      fc.property(point, (p) => {
        const once = snapToGrid(p, cell);
        expect(snapToGrid(once, cell)).toEqual(once);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it.each([100, 200, 250])(
    'should stay within 0.75 × %d m of the input (half the cell diagonal)',
    (cell) => {
      fc.assert(
        fc.property(point, (p) => {
          expect(haversineMetres(p, snapToGrid(p, cell))).toBeLessThanOrEqual(cell * 0.75);
        }),
        { seed: SEED, numRuns: 2000 },
      );
    },
  );

  it('should map every point of a cell to the same centre', () => {
    const fraction = fc.double({ min: -0.999, max: 0.999, noNaN: true });
    // Cells cut by the antimeridian hold points beyond ±180, which are not valid inputs.
    const inland = fc.record({
      lat: fc.double({ min: -80, max: 80, noNaN: true }),
      lng: fc.double({ min: -179, max: 179, noNaN: true }),
    });
    fc.assert(
      fc.property(inland, fraction, fraction, (p, fy, fx) => {
        const centre = snapToGrid(p);
        const latStep = DEFAULT_SNAP_METRES / METRES_PER_DEGREE;
        const lngStep = latStep / Math.cos((centre.lat * Math.PI) / 180);
        const inCell = {
          lat: centre.lat + (fy * latStep) / 2,
          lng: centre.lng + (fx * lngStep) / 2,
        };
        expect(snapToGrid(inCell)).toEqual(centre);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it.each<[string, number, number]>([
    ['30 m north', 30, 0],
    ['30 m south-west', -30, -30],
    ['90 m east', 0, 90],
  ])('should give searches in Dinan %s of a cell centre the same centre', (_, north, east) => {
    const centre = snapToGrid(DINAN);
    const p = {
      lat: centre.lat + north / METRES_PER_DEGREE,
      lng: centre.lng + east / METRES_PER_DEGREE / Math.cos((centre.lat * Math.PI) / 180),
    };
    expect(snapToGrid(p)).toEqual(centre);
  });

  it.each<[string, number, number]>([
    ['north', 1, 0],
    ['east', 0, 1],
  ])('should put the neighbouring cell to the %s about one cell away', (_, dLat, dLng) => {
    const centre = snapToGrid(DINAN);
    const latStep = DEFAULT_SNAP_METRES / METRES_PER_DEGREE;
    const lngStep = latStep / Math.cos((centre.lat * Math.PI) / 180);
    const next = snapToGrid({
      lat: centre.lat + dLat * latStep,
      lng: centre.lng + dLng * lngStep,
    });
    expect(next).not.toEqual(centre);
    expect(haversineMetres(centre, next)).toBeCloseTo(DEFAULT_SNAP_METRES, 0);
  });

  it.each<[string, LatLng]>([
    ['the north pole', { lat: 90, lng: 10 }],
    ['the south pole', { lat: -90, lng: -170 }],
    ['near the antimeridian', { lat: 0, lng: 179.9999 }],
    ['on the antimeridian', { lat: -16.5, lng: -180 }],
  ])('should return a valid, stable point at %s', (_, p) => {
    const snapped = snapToGrid(p);
    expect(isValidLatLng(snapped)).toBe(true);
    expect(snapToGrid(snapped)).toEqual(snapped);
  });

  it.each<[string, LatLng, number]>([
    ['an invalid point', { lat: 91, lng: 0 }, 200],
    ['a NaN point', { lat: Number.NaN, lng: 0 }, 200],
    ['a zero cell', DINAN, 0],
    ['a negative cell', DINAN, -200],
    ['an infinite cell', DINAN, Number.POSITIVE_INFINITY],
  ])('should throw a RangeError on %s', (_, p, cell) => {
    expect(() => snapToGrid(p, cell)).toThrow(RangeError);
  });
});
