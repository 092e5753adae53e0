import { z } from 'zod';

/** WGS84 coordinates as the API exchanges them: `{ lat, lng }` in degrees. */
export const latLngSchema = z.object({
  lat: z.number().finite().min(-90).max(90),
  lng: z.number().finite().min(-180).max(180),
});

/** A query-string number (`?lat=48.4`), rejected when absent-but-required or not finite. */
export const queryNumber = z.coerce.number().finite();

/** `{ items, nextCursor }`: every list the API returns. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const uuidSchema = z.uuid();
