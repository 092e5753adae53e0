import { z } from 'zod';
import { cursorQuerySchema, pageLimitSchema } from '../shared/cursor';
import { latLngSchema } from '../shared/schemas';
import { PRACTICE_SLUGS } from './practices';

const trimmed = (min: number, max: number) => z.string().trim().min(min).max(max);

export const practiceSlugSchema = z.enum(PRACTICE_SLUGS);

const urlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'An http(s) address');

/** `POST /municipalities/:slug/initiatives` (staff of that town). */
export const createInitiativeSchema = z.strictObject({
  name: trimmed(2, 120),
  practice: practiceSlugSchema,
  description: z.string().trim().max(2000).default(''),
  location: latLngSchema,
  url: urlSchema.nullable().optional(),
});
export type CreateInitiativeInput = z.infer<typeof createInitiativeSchema>;

/** `PATCH /initiatives/:id`: any field of the creation, at least one. */
export const updateInitiativeSchema = z
  .strictObject({
    name: trimmed(2, 120).optional(),
    practice: practiceSlugSchema.optional(),
    description: z.string().trim().max(2000).optional(),
    location: latLngSchema.optional(),
    url: urlSchema.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change');
export type UpdateInitiativeInput = z.infer<typeof updateInitiativeSchema>;

export const initiativeSchema = z.object({
  id: z.string(),
  name: z.string(),
  practice: z.string(),
  description: z.string(),
  /** A public place or project: its exact location is public (like an organisation's). */
  location: latLngSchema,
  url: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Initiative = z.infer<typeof initiativeSchema>;

export const initiativeListQuerySchema = z.object({
  practice: practiceSlugSchema.optional(),
  limit: pageLimitSchema.default(50),
  cursor: cursorQuerySchema.optional(),
});
