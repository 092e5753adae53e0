import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from './password-rule';

/** Tokens of e-mailed links: 32 random bytes, base64url (43 characters). */
const linkToken = z.string().min(20).max(200);

/** `POST /auth/confirm-email`. */
export const confirmEmailSchema = z.strictObject({ token: linkToken });
export type ConfirmEmailInput = z.infer<typeof confirmEmailSchema>;

/** `POST /auth/password-reset`: always answered 202 with the same body. */
export const passwordResetRequestSchema = z.strictObject({
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
});
export type PasswordResetRequestInput = z.infer<typeof passwordResetRequestSchema>;

/** `POST /auth/password-reset/confirm`. */
export const passwordResetConfirmSchema = z.strictObject({
  token: linkToken,
  password: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX),
});
export type PasswordResetConfirmInput = z.infer<typeof passwordResetConfirmSchema>;

export const acceptedResponseSchema = z.object({ accepted: z.literal(true) });

/** How long the e-mailed links work, milliseconds. */
export const EMAIL_CONFIRMATION_TTL_MS = 24 * 3_600_000;
export const PASSWORD_RESET_TTL_MS = 3_600_000;
