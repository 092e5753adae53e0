/**
 * Every error the product can report, by stable code. Clients rely on these codes (DESIGN.md §4):
 * add new ones, never rename. The HTTP status of each code lives in one table in the API.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  /** A library loan whose pick-up or return falls outside the opening slots (or on a closure). */
  'OUTSIDE_OPENING_HOURS',
  'ORGANISATION_NOT_FOUND',
  'ASSISTED_RESIDENT_NOT_FOUND',
  'MALFORMED_JSON',
  'BODY_ENCODING_INVALID',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'INVALID_REFRESH_TOKEN',
  'FORBIDDEN',
  'NOT_FOUND',
  'MUNICIPALITY_NOT_FOUND',
  'LISTING_NOT_FOUND',
  'EMAIL_TAKEN',
  'HOME_OUTSIDE_MUNICIPALITY',
  'INVALID_CURSOR',
  'BOOKING_OVERLAP',
  'INVALID_TRANSITION',
  'SELF_EXCHANGE',
  'LISTING_UNAVAILABLE',
  'LOAN_TOO_LONG',
  'AUTO_ACCEPT_NOT_ALLOWED',
  'ALREADY_REQUESTED',
  'EXCHANGE_NOT_FOUND',
  'CONVERSATION_NOT_FOUND',
  'ALERT_NOT_FOUND',
  'TOO_MANY_ALERTS',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'IMAGE_INVALID',
  'TOO_MANY_PHOTOS',
  'PHOTO_NOT_FOUND',
  /** A new password among the common ones (field error on `password`). */
  'PASSWORD_TOO_COMMON',
  /** A town-hall code that is wrong, used, expired or of another town (one answer for all). */
  'VERIFICATION_CODE_INVALID',
  /** An e-mail confirmation link that is wrong, used or expired. */
  'EMAIL_CONFIRMATION_INVALID',
  /** A password-reset link that is wrong, used, expired or replaced by a newer one. */
  'PASSWORD_RESET_INVALID',
  'REVIEW_EXISTS',
  'EXCHANGE_NOT_COMPLETED',
  /** Either member blocked the other: no messages, no requests between them. */
  'BLOCKED',
  'CANNOT_BLOCK_SELF',
  'USER_NOT_FOUND',
  'ALREADY_REPORTED',
  'REPORT_NOT_FOUND',
  'REPORT_TARGET_NOT_FOUND',
  'SELF_REPORT',
  'ACCOUNT_SUSPENDED',
  'INITIATIVE_NOT_FOUND',
  /** A pending organisation cannot publish events nor be a hand-over point. */
  'ORGANISATION_NOT_VERIFIED',
  'EVENT_NOT_FOUND',
  /** An RSVP on an event that was cancelled or has started. */
  'EVENT_CLOSED',
  'RATE_LIMITED',
  /** A limit that protects sign-in or sign-up could not be checked (its store is down): refused. */
  'RATE_LIMIT_UNAVAILABLE',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
  /** A town post that does not exist, or that the caller may not see (scheduled, unpublished). */
  'POST_NOT_FOUND',
  /** A published post cannot be rescheduled. */
  'POST_ALREADY_PUBLISHED',
  /** An unpublished post cannot be edited. */
  'POST_UNPUBLISHED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A rule was broken. Thrown by domain rules and services; mapped to HTTP at the edge only. */
export class DomainError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
