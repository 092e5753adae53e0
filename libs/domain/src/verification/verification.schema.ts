import { z } from 'zod';
import { VERIFICATION_CODE_MAX_COUNT, VERIFICATION_CODE_MAX_DAYS } from './verification-code';

/** `POST /municipalities/:slug/verification-codes`. */
export const createVerificationCodesSchema = z.strictObject({
  count: z.number().int().min(1).max(VERIFICATION_CODE_MAX_COUNT),
  validDays: z.number().int().min(1).max(VERIFICATION_CODE_MAX_DAYS).optional(),
});
export type CreateVerificationCodesInput = z.infer<typeof createVerificationCodesSchema>;

/** The plain codes, returned once (only their hashes are kept). */
export const issuedVerificationCodesSchema = z.object({
  items: z.array(z.object({ code: z.string(), expiresAt: z.string() })),
});
export type IssuedVerificationCodes = z.infer<typeof issuedVerificationCodesSchema>;

/** `GET /municipalities/:slug/verification-codes`: what staff issued, without the codes. */
export const verificationCodeSummarySchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
});
export type VerificationCodeSummary = z.infer<typeof verificationCodeSummarySchema>;

export const verificationCodeListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

/** `POST /me/verify`. Any spelling (case, spaces, dashes) is accepted and normalised. */
export const redeemVerificationCodeSchema = z.strictObject({
  code: z.string().min(1).max(40),
});
export type RedeemVerificationCodeInput = z.infer<typeof redeemVerificationCodeSchema>;

export const redeemVerificationCodeResponseSchema = z.object({
  verified: z.literal(true),
  municipality: z.object({ slug: z.string(), name: z.string() }),
});
export type RedeemVerificationCodeResponse = z.infer<typeof redeemVerificationCodeResponseSchema>;
