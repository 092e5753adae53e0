import { z } from 'zod';
import { latLngSchema } from '../shared/schemas';
import { ADDRESS_KINDS } from './address';

/** Most suggestions one geocoding answer gives. */
export const GEOCODE_LIMIT_MAX = 20;

/** `GET /geocode?q&municipality&limit` (DESIGN.md §4.1). */
export const geocodeQuerySchema = z.strictObject({
  /** What the resident typed: `12 rue de l'apport`, `grand rue`, `place duguesclin`. */
  q: z.string().trim().min(2).max(200),
  /** Slug of the town whose address base is searched. */
  municipality: z.string().trim().min(1).max(80),
  limit: z.coerce.number().int().min(1).max(GEOCODE_LIMIT_MAX).optional(),
});
export type GeocodeQuery = z.infer<typeof geocodeQuerySchema>;

/** One suggestion, best first. */
export const geocodeResultSchema = z.object({
  label: z.string(),
  location: latLngSchema,
  kind: z.enum(ADDRESS_KINDS),
});
export type GeocodeResult = z.infer<typeof geocodeResultSchema>;
