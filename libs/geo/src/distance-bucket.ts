/**
 * Distances are shown only as buckets (DESIGN.md §5). Labels are stable keys; the web translates
 * them ("< 500 m", "500 m – 1 km", …).
 */
export const DISTANCE_BUCKETS = ['<500m', '500m-1km', '1-2km', '2-5km', '>5km'] as const;
export type DistanceBucket = (typeof DISTANCE_BUCKETS)[number];

/** Upper bound in metres (exclusive) of each bucket but the last. */
const BOUNDS: ReadonlyArray<readonly [number, DistanceBucket]> = [
  [500, '<500m'],
  [1000, '500m-1km'],
  [2000, '1-2km'],
  [5000, '2-5km'],
];

/** The bucket of a distance in metres. */
export function distanceBucket(metres: number): DistanceBucket {
  for (const [bound, bucket] of BOUNDS) if (metres < bound) return bucket;
  return '>5km';
}
