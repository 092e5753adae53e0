import { z } from 'zod';
import { latLngSchema } from '../shared/schemas';
import { USER_LOCALES } from '../users/user';

import { PASSWORD_MAX, PASSWORD_MIN } from './password-rule';

/**
 * Sign-in accepts what older rules allowed (up to 200 characters) so no account is locked out;
 * new passwords follow `PASSWORD_MIN`–`PASSWORD_MAX` (password-rule.ts).
 */
export const LOGIN_PASSWORD_MAX = 200;

export const registerSchema = z.strictObject({
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
  password: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX),
  displayName: z.string().trim().min(2).max(60),
  /** Slug of the partner town the resident lives in. */
  municipality: z.string().trim().min(1).max(80),
  /** The resident's home: private, used for distances and the public approximation only. */
  home: latLngSchema,
  locale: z.enum(USER_LOCALES).optional(),
});
export type RegisterInput = z.infer<typeof registerSchema>;

export const loginSchema = z.strictObject({
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
  password: z.string().min(1).max(LOGIN_PASSWORD_MAX),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const accessTokenResponseSchema = z.object({ accessToken: z.string() });
