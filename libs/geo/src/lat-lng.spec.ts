import { fromPosition, isValidLatLng, toPosition, type LatLng } from './lat-lng';

describe(isValidLatLng.name, () => {
  it.each<[string, unknown]>([
    ['Dinan', { lat: 48.4556, lng: -2.0503 }],
    ['the corners', { lat: -90, lng: -180 }],
    ['the other corners', { lat: 90, lng: 180 }],
    ['extra fields', { lat: 0, lng: 0, label: 'x' }],
  ])('should accept %s', (_, value) => {
    expect(isValidLatLng(value)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a number', 48],
    ['a [lat, lng] array', [48.4556, -2.0503]],
    ['a missing lng', { lat: 48 }],
    ['string numbers', { lat: '48', lng: '-2' }],
    ['NaN', { lat: Number.NaN, lng: 0 }],
    ['Infinity', { lat: 0, lng: Number.POSITIVE_INFINITY }],
    ['lat > 90', { lat: 90.0001, lng: 0 }],
    ['lat < -90', { lat: -91, lng: 0 }],
    ['lng > 180', { lat: 0, lng: 180.0001 }],
    ['lng < -180', { lat: 0, lng: -181 }],
  ])('should reject %s', (_, value) => {
    expect(isValidLatLng(value)).toBe(false);
  });
});

describe(toPosition.name, () => {
  it.each<[LatLng, [number, number]]>([
    [{ lat: 48.4556, lng: -2.0503 }, [-2.0503, 48.4556]],
    [{ lat: -33.9, lng: 151.2 }, [151.2, -33.9]],
    [{ lat: 0, lng: 0 }, [0, 0]],
  ])('should put longitude first for %o', (p, position) => {
    expect(toPosition(p)).toEqual(position);
  });
});

describe(fromPosition.name, () => {
  it.each<[number[], LatLng]>([
    [[-2.0503, 48.4556], { lat: 48.4556, lng: -2.0503 }],
    [[151.2, -33.9], { lat: -33.9, lng: 151.2 }],
    [[-2.0503, 48.4556, 35], { lat: 48.4556, lng: -2.0503 }],
  ])('should read %j as [lng, lat]', (position, p) => {
    expect(fromPosition(position)).toEqual(p);
  });

  it.each<[string, number[]]>([
    ['an empty position', []],
    ['a single number', [1]],
    ['a latitude out of range (swapped order)', [48.4556, 120]],
    ['a longitude out of range', [200, 0]],
    ['NaN', [Number.NaN, 0]],
  ])('should throw a RangeError on %s', (_, position) => {
    expect(() => fromPosition(position)).toThrow(RangeError);
  });

  it.each<LatLng>([
    { lat: 48.4556, lng: -2.0503 },
    { lat: -90, lng: 180 },
    { lat: 12.345678, lng: -98.7654321 },
  ])('should round-trip %o through toPosition', (p) => {
    expect(fromPosition(toPosition(p))).toEqual(p);
  });
});
