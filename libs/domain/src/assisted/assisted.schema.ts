import { z } from 'zod';
import { cursorQuerySchema, pageLimitSchema } from '../shared/cursor';
import { fromQuery, latLngSchema, pageSchema } from '../shared/schemas';

/** Minutes an act token lasts (`POST /assisted-residents/:id/act`). */
export const ASSISTED_ACT_TTL_MINUTES = 15;

/** `POST /municipalities/:slug/assisted-residents` (that town's staff). */
export const createAssistedResidentSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(60),
  home: latLngSchema,
  /** The resident agreed, in person, that staff act for them: must be `true`. */
  consent: z.literal(true),
  email: z.email().max(254).optional(),
});
export type CreateAssistedResidentInput = z.infer<typeof createAssistedResidentSchema>;

export const assistedResidentSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  municipality: z.string(),
  email: z.string().nullable(),
  assisted: z.literal(true),
  consent: z.object({
    at: z.string(),
    /** The staff member who recorded it (null once their account is erased). */
    by: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  }),
  /** Messages in the resident's conversations they (or staff for them) have not read. */
  unreadMessages: z.number().int(),
  /** Loans booked, current or overdue. */
  activeLoans: z.number().int(),
});
export type AssistedResidentView = z.infer<typeof assistedResidentSchema>;
export const createdAssistedResidentSchema = z.object({ user: assistedResidentSchema });
export const assistedResidentPageSchema = pageSchema(assistedResidentSchema);
export type AssistedResidentPage = z.infer<typeof assistedResidentPageSchema>;

export const assistedResidentsQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(60).optional(),
  limit: fromQuery(pageLimitSchema.default(50)),
  cursor: fromQuery(cursorQuerySchema.optional()),
});
export type AssistedResidentsQuery = z.infer<typeof assistedResidentsQuerySchema>;

/** `POST /assisted-residents/:id/act` → a short-lived token to act as the resident. */
export const actTokenSchema = z.object({
  accessToken: z.string(),
  expiresAt: z.string(),
  resident: z.object({ id: z.uuid(), displayName: z.string() }),
});
export type ActToken = z.infer<typeof actTokenSchema>;
