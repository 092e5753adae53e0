import { z } from 'zod';
import { LISTING_CATEGORIES, LISTING_KINDS, LISTING_LIMITS } from '../listings/listing';
import { cursorQuerySchema, pageLimitSchema } from '../shared/cursor';
import { latLngSchema } from '../shared/schemas';

export const ALERT_LIMITS = {
  perUser: 20,
  radiusMin: 100,
  radiusMax: 10_000,
  radiusDefault: 1000,
} as const;

/** `POST /alerts`: a saved search ("a ladder within 1 km"). */
export const createAlertSchema = z.strictObject({
  /** Centre; defaults to my home. Stored privately, like a home. */
  centre: latLngSchema.optional(),
  radius: z
    .number()
    .int()
    .min(ALERT_LIMITS.radiusMin)
    .max(ALERT_LIMITS.radiusMax)
    .default(ALERT_LIMITS.radiusDefault),
  kind: z.enum(LISTING_KINDS).optional(),
  category: z.enum(LISTING_CATEGORIES).optional(),
  q: z.string().trim().min(1).max(LISTING_LIMITS.searchQueryMax).optional(),
});
export type CreateAlertInput = z.infer<typeof createAlertSchema>;

/** `GET /alerts`: newest first, paged like every list. */
export const alertsQuerySchema = z.strictObject({
  limit: pageLimitSchema.optional(),
  cursor: cursorQuerySchema.optional(),
});
export type AlertsQuery = z.infer<typeof alertsQuerySchema>;

export const alertSchema = z.object({
  id: z.string(),
  /** Returned to its owner only (it is as private as a home). */
  centre: latLngSchema,
  radius: z.number().int(),
  kind: z.enum(LISTING_KINDS).nullable(),
  category: z.enum(LISTING_CATEGORIES).nullable(),
  q: z.string().nullable(),
  createdAt: z.string(),
});
export type AlertView = z.infer<typeof alertSchema>;
