import { z } from 'zod';

/** WGS84 coordinates as the API exchanges them: `{ lat, lng }` in degrees. */
export const latLngSchema = z.object({
  lat: z.number().finite().min(-90).max(90),
  lng: z.number().finite().min(-180).max(180),
});

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/**
 * A query-string value (`?lat=48.4`): an empty `?lat=` counts as absent, not as 0, then `inner`
 * coerces and checks it.
 */
export function fromQuery<T extends z.ZodType>(inner: T) {
  return z.preprocess(blankToUndefined, inner);
}

/** A finite number from the query string. */
export const queryNumber = () => z.coerce.number().finite();

/** `{ items, nextCursor }`: every list the API returns. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const uuidSchema = z.uuid();
