import {
  fromGeoJsonPoint,
  multiPolygonContains,
  ringFromLatLngs,
  toGeoJsonPoint,
  type GeoJsonMultiPolygon,
} from './geojson';
import type { LatLng } from './lat-lng';

const DINAN: LatLng = { lat: 48.4556, lng: -2.0503 };

describe(toGeoJsonPoint.name, () => {
  it.each<[LatLng, [number, number]]>([
    [DINAN, [-2.0503, 48.4556]],
    [{ lat: -21.1151, lng: 55.5364 }, [55.5364, -21.1151]],
  ])('should write %o as a [lng, lat] Point', (p, coordinates) => {
    expect(toGeoJsonPoint(p)).toEqual({ type: 'Point', coordinates });
  });
});

describe(fromGeoJsonPoint.name, () => {
  it.each<LatLng>([DINAN, { lat: -21.1151, lng: 55.5364 }, { lat: 90, lng: -180 }])(
    'should round-trip %o',
    (p) => {
      expect(fromGeoJsonPoint(toGeoJsonPoint(p))).toEqual(p);
    },
  );

  it('should read coordinates as [lng, lat]', () => {
    expect(fromGeoJsonPoint({ type: 'Point', coordinates: [-2.0503, 48.4556] })).toEqual(DINAN);
  });

  it('should survive a JSON round trip', () => {
    const parsed = JSON.parse(JSON.stringify(toGeoJsonPoint(DINAN))) as {
      type: string;
      coordinates: unknown;
    };
    expect(fromGeoJsonPoint(parsed)).toEqual(DINAN);
  });

  it.each<[string, { type: string; coordinates: unknown }, ErrorConstructor]>([
    [
      'a LineString',
      {
        type: 'LineString',
        coordinates: [
          [0, 0],
          [1, 1],
        ],
      },
      TypeError,
    ],
    ['a Point without coordinates', { type: 'Point', coordinates: undefined }, TypeError],
    ['string coordinates', { type: 'Point', coordinates: ['-2', '48'] }, TypeError],
    ['a single number', { type: 'Point', coordinates: [48] }, RangeError],
    ['a [lat, lng] pair out of range', { type: 'Point', coordinates: [48.4556, 120] }, RangeError],
  ])('should throw on %s', (_, g, error) => {
    expect(() => fromGeoJsonPoint(g)).toThrow(error);
  });
});

describe(ringFromLatLngs.name, () => {
  const a = { lat: 48, lng: -2 };
  const b = { lat: 48, lng: -1 };
  const c = { lat: 49, lng: -1 };

  it.each<[string, LatLng[]]>([
    ['an open ring', [a, b, c]],
    ['an already closed ring', [a, b, c, a]],
  ])('should close %s with [lng, lat] positions', (_, points) => {
    expect(ringFromLatLngs(points)).toEqual([
      [-2, 48],
      [-1, 48],
      [-1, 49],
      [-2, 48],
    ]);
  });

  it.each<[string, LatLng[]]>([
    ['no points', []],
    ['two points', [a, b]],
    ['two points closed', [a, b, a]],
  ])('should throw a RangeError on %s', (_, points) => {
    expect(() => ringFromLatLngs(points)).toThrow(RangeError);
  });
});

describe(multiPolygonContains.name, () => {
  // A 0.1° square around Dinan with a 0.02° hole in the middle, and a detached island to the east.
  const square = ringFromLatLngs([
    { lat: 48.4, lng: -2.1 },
    { lat: 48.4, lng: -2.0 },
    { lat: 48.5, lng: -2.0 },
    { lat: 48.5, lng: -2.1 },
  ]);
  const hole = ringFromLatLngs([
    { lat: 48.44, lng: -2.06 },
    { lat: 48.46, lng: -2.06 },
    { lat: 48.46, lng: -2.04 },
    { lat: 48.44, lng: -2.04 },
  ]);
  const island = ringFromLatLngs([
    { lat: 48.45, lng: -1.9 },
    { lat: 48.45, lng: -1.8 },
    { lat: 48.47, lng: -1.85 },
  ]);
  const boundary: GeoJsonMultiPolygon = {
    type: 'MultiPolygon',
    coordinates: [[square, hole], [island]],
  };

  it.each<[string, LatLng, boolean]>([
    ['inside the square', { lat: 48.42, lng: -2.08 }, true],
    ['inside the hole', { lat: 48.45, lng: -2.05 }, false],
    ['inside the island', { lat: 48.455, lng: -1.85 }, true],
    ['between square and island', { lat: 48.45, lng: -1.95 }, false],
    ['north of everything', { lat: 48.6, lng: -2.05 }, false],
    ['level with a vertex, outside', { lat: 48.5, lng: -2.2 }, false],
    ['the hole with lat/lng swapped', { lat: -2.08, lng: 48.42 }, false],
  ])('should say whether a point %s is in the boundary', (_, p, inside) => {
    expect(multiPolygonContains(boundary, p)).toBe(inside);
  });

  it('should accept rings that do not repeat their first position', () => {
    const open: GeoJsonMultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[square.slice(0, -1)]],
    };
    expect(multiPolygonContains(open, { lat: 48.42, lng: -2.08 })).toBe(true);
    expect(multiPolygonContains(open, { lat: 48.6, lng: -2.08 })).toBe(false);
  });

  it('should contain nothing when empty', () => {
    expect(multiPolygonContains({ type: 'MultiPolygon', coordinates: [] }, DINAN)).toBe(false);
  });
});
