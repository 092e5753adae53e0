import { z } from 'zod';
import { latLngSchema } from '../shared/schemas';
import { ROLES, USER_LOCALES, VERIFICATION_STATES } from './user';

export const roleGrantSchema = z.object({
  municipality: z.string(),
  role: z.enum(ROLES),
});

/** `GET /me`: the signed-in user's own data, home included (it is theirs). */
export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  municipality: z.string(),
  home: latLngSchema,
  /** What other people see of the home (DESIGN.md §5). */
  approxHome: latLngSchema,
  locale: z.enum(USER_LOCALES),
  verification: z.enum(VERIFICATION_STATES),
  /** Verified resident of their town through a town-hall code. */
  verified: z.boolean(),
  verifiedAt: z.string().nullable(),
  /** The e-mail address was confirmed through the link sent on registration. */
  emailConfirmed: z.boolean(),
  roles: z.array(roleGrantSchema),
  createdAt: z.string(),
});
export type Me = z.infer<typeof meSchema>;

export const registerResponseSchema = z.object({
  user: meSchema,
  accessToken: z.string(),
});

/**
 * `PATCH /me`: what the member changes about themselves. A new home must be in or near their
 * town (as at sign-up); it moves the listings standing at the old home and recomputes every
 * public point of the member (DESIGN.md §5).
 */
export const updateMeSchema = z
  .strictObject({
    displayName: z.string().trim().min(2).max(60).optional(),
    locale: z.enum(USER_LOCALES).optional(),
    home: latLngSchema.optional(),
  })
  .refine((v) => v.displayName !== undefined || v.locale !== undefined || v.home !== undefined, {
    path: ['displayName'],
    message: 'Nothing to change',
  });
export type UpdateMeInput = z.infer<typeof updateMeSchema>;
