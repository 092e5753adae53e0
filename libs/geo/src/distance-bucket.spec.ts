import { DISTANCE_BUCKETS, distanceBucket, type DistanceBucket } from './distance-bucket';

describe(distanceBucket.name, () => {
  it.each<[number, DistanceBucket]>([
    [0, '<500m'],
    [499.9, '<500m'],
    [500, '500m-1km'],
    [999, '500m-1km'],
    [999.99, '500m-1km'],
    [1000, '1-2km'],
    [1999, '1-2km'],
    [2000, '2-5km'],
    [4999, '2-5km'],
    [5000, '>5km'],
    [1e6, '>5km'],
  ])('should put %d m in %s', (metres, bucket) => {
    expect(distanceBucket(metres)).toBe(bucket);
  });

  it('should list the buckets nearest first', () => {
    expect(DISTANCE_BUCKETS).toEqual(['<500m', '500m-1km', '1-2km', '2-5km', '>5km']);
  });
});
