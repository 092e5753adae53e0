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
