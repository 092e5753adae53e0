import { z } from 'zod';
import type { EXCHANGE_KINDS } from '../exchanges/exchange';

/** What an erased member is called wherever their name used to appear (French first). */
export const ERASED_MEMBER_NAME = 'Ancien membre';

/** The title left on the listings of a former member (their texts are wiped). */
export const ERASED_LISTING_TITLE = 'Annonce retirée';

/** `DELETE /me`: the password confirms it is really the member. */
export const deleteAccountSchema = z.object({
  password: z.string().min(1).max(128),
});
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;

/** Someone else, as an export shows them: never their e-mail, home or places. */
export const personRefSchema = z.object({ id: z.string(), displayName: z.string() });
export type PersonRef = z.infer<typeof personRefSchema>;

const count = z.number().int().min(0);

/** Completed exchanges by kind (`loan`, `gift`, `swap`, `answer`) and in all. */
const completedByKind = z.object({
  loan: count,
  gift: count,
  swap: count,
  answer: count,
  total: count,
} satisfies Record<(typeof EXCHANGE_KINDS)[number] | 'total', typeof count>);

/**
 * What the instance attests of a member today. Open: other modules (reviews) add their figures
 * (`ratingCount`, `score`) through the export registry without changing this shape.
 */
export const attestedReputationSchema = z.looseObject({
  completed: completedByKind,
  onTimeReturns: count,
  lateReturns: count,
  noShows: count,
  memberSince: z.string(),
  verified: z.boolean(),
});
export type AttestedReputation = z.infer<typeof attestedReputationSchema>;

/** The payload of the attestation JWS (RFC 7515, EdDSA). */
export const attestationPayloadSchema = z.object({
  iss: z.string(),
  sub: z.string(),
  iat: z.number().int(),
  reputation: attestedReputationSchema,
});
export type AttestationPayload = z.infer<typeof attestationPayloadSchema>;

/**
 * `GET /me/export` (DESIGN.md §4.1 "Leaving with your data"). The sections are each module's;
 * their items are described loosely here (they follow the module's own views).
 */
export const accountExportSchema = z.looseObject({
  exportedAt: z.string(),
  user: z.looseObject({ id: z.string(), email: z.string(), displayName: z.string() }),
  listings: z.array(z.unknown()),
  exchanges: z.array(z.unknown()),
  messages: z.array(z.unknown()),
  reviewsAbout: z.array(z.unknown()),
  reviewsBy: z.array(z.unknown()),
  notifications: z.array(z.unknown()),
  alerts: z.array(z.unknown()),
  attestation: z.string(),
});
export type AccountExport = z.infer<typeof accountExportSchema>;

/** The sections every export has, filled by the modules that own them (empty when none does). */
export const EXPORT_SECTION_NAMES = [
  'listings',
  'exchanges',
  'messages',
  'reviewsAbout',
  'reviewsBy',
  'notifications',
  'alerts',
] as const;
export type ExportSectionName = (typeof EXPORT_SECTION_NAMES)[number];
