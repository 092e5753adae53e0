import { bboxCentre, bboxContains, MAX_BBOX_SPAN_DEG, parseBbox, type BBox } from './bbox';
import type { LatLng } from './lat-lng';

const DINAN_BOX: BBox = {
  west: -2.07,
  south: 48.44,
  east: -2.03,
  north: 48.47,
};

describe(parseBbox.name, () => {
  it.each<[string, BBox]>([
    ['-2.07,48.44,-2.03,48.47', DINAN_BOX],
    [' -2.07 , 48.44 , -2.03 , 48.47 ', DINAN_BOX],
    ['+1,2,3,4', { west: 1, south: 2, east: 3, north: 4 }],
    ['.5,-.5,1.,1e-7', { west: 0.5, south: -0.5, east: 1, north: 1e-7 }],
    ['0,40,5,45', { west: 0, south: 40, east: 5, north: 45 }],
    ['175,-90,180,-85', { west: 175, south: -90, east: 180, north: -85 }],
    ['-180,85,-175,90', { west: -180, south: 85, east: -175, north: 90 }],
  ])('should parse %j', (text, bbox) => {
    expect(parseBbox(text)).toEqual({ bbox });
  });

  it.each<[string, string, string]>([
    ['an empty string', '', 'bbox must be west,south,east,north'],
    ['3 numbers', '-2.07,48.44,-2.03', 'bbox must be west,south,east,north'],
    ['5 numbers', '-2.07,48.44,-2.03,48.47,0', 'bbox must be west,south,east,north'],
    ['semicolons', '-2.07;48.44;-2.03;48.47', 'bbox must be west,south,east,north'],
    ['letters', 'a,b,c,d', 'bbox values must be numbers'],
    ['NaN', 'NaN,48.44,-2.03,48.47', 'bbox values must be numbers'],
    ['Infinity', '-2.07,48.44,Infinity,48.47', 'bbox values must be numbers'],
    ['an empty value', '-2.07,,-2.03,48.47', 'bbox values must be numbers'],
    ['hexadecimal', '0x1,48.44,2,48.47', 'bbox values must be numbers'],
    ['trailing text', '-2.07,48.44,-2.03,48.47abc', 'bbox values must be numbers'],
    ['an overflowing number', '-2.07,48.44,1e999,48.47', 'bbox values must be finite numbers'],
    ['west < -180', '-180.5,48,-179,49', 'bbox longitudes must be within [-180, 180]'],
    ['east > 180', '179,48,181,49', 'bbox longitudes must be within [-180, 180]'],
    ['south < -90', '0,-91,1,-89', 'bbox latitudes must be within [-90, 90]'],
    ['north > 90', '0,89,1,90.1', 'bbox latitudes must be within [-90, 90]'],
    ['south > north', '-2.07,48.47,-2.03,48.44', 'bbox south must be less than north'],
    ['south = north', '-2.07,48.44,-2.03,48.44', 'bbox south must be less than north'],
    [
      'west > east',
      '-2.03,48.44,-2.07,48.47',
      'bbox west must be less than east (split a box crossing the antimeridian)',
    ],
    [
      'a box crossing the antimeridian',
      '179,-17,-179,-16',
      'bbox west must be less than east (split a box crossing the antimeridian)',
    ],
    ['too wide', '0,45,5.01,46', 'bbox must not span more than 5 degrees on a side'],
    ['too tall', '0,40,1,45.5', 'bbox must not span more than 5 degrees on a side'],
    ['the whole world', '-180,-90,180,90', 'bbox must not span more than 5 degrees on a side'],
  ])('should reject %s', (_, text, error) => {
    expect(parseBbox(text)).toEqual({ error });
  });

  it('should cap each side at MAX_BBOX_SPAN_DEG degrees', () => {
    expect(MAX_BBOX_SPAN_DEG).toBe(5);
  });
});

describe(bboxContains.name, () => {
  it.each<[string, LatLng, boolean]>([
    ['the centre', { lat: 48.455, lng: -2.05 }, true],
    ['the south-west corner', { lat: 48.44, lng: -2.07 }, true],
    ['the north-east corner', { lat: 48.47, lng: -2.03 }, true],
    ['a point west of it', { lat: 48.455, lng: -2.0701 }, false],
    ['a point north of it', { lat: 48.4701, lng: -2.05 }, false],
    ['swapped coordinates', { lat: -2.05, lng: 48.455 }, false],
  ])('should tell whether the box holds %s', (_, p, inside) => {
    expect(bboxContains(DINAN_BOX, p)).toBe(inside);
  });
});

describe(bboxCentre.name, () => {
  it.each<[BBox, LatLng]>([
    [DINAN_BOX, { lat: 48.455, lng: -2.05 }],
    [
      { west: -1, south: -1, east: 1, north: 1 },
      { lat: 0, lng: 0 },
    ],
  ])('should return the midpoint of %o', (b, centre) => {
    const c = bboxCentre(b);
    expect(c.lat).toBeCloseTo(centre.lat, 12);
    expect(c.lng).toBeCloseTo(centre.lng, 12);
    expect(bboxContains(b, c)).toBe(true);
  });
});
