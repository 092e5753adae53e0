import type { ErrorCode } from '@partagora/domain';

/** The one table from error code to HTTP status (DESIGN.md §4). */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  BODY_ENCODING_INVALID: 400,
  INVALID_CURSOR: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_REFRESH_TOKEN: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  MUNICIPALITY_NOT_FOUND: 404,
  LISTING_NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  BOOKING_OVERLAP: 409,
  INVALID_TRANSITION: 409,
  SELF_EXCHANGE: 409,
  LISTING_UNAVAILABLE: 409,
  ALREADY_REQUESTED: 409,
  LOAN_TOO_LONG: 422,
  AUTO_ACCEPT_NOT_ALLOWED: 422,
  TOO_MANY_ALERTS: 422,
  EXCHANGE_NOT_FOUND: 404,
  CONVERSATION_NOT_FOUND: 404,
  ALERT_NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IMAGE_INVALID: 422,
  TOO_MANY_PHOTOS: 409,
  PHOTO_NOT_FOUND: 404,
  HOME_OUTSIDE_MUNICIPALITY: 422,
  PASSWORD_TOO_COMMON: 400,
  VERIFICATION_CODE_INVALID: 422,
  EMAIL_CONFIRMATION_INVALID: 422,
  PASSWORD_RESET_INVALID: 422,
  REVIEW_EXISTS: 409,
  EXCHANGE_NOT_COMPLETED: 409,
  BLOCKED: 403,
  CANNOT_BLOCK_SELF: 422,
  USER_NOT_FOUND: 404,
  RATE_LIMITED: 429,
  RATE_LIMIT_UNAVAILABLE: 503,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
};

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details?: unknown;
    requestId: string;
  };
}

export function errorBody(
  code: ErrorCode,
  message: string,
  requestId: string,
  details?: unknown,
): ErrorBody {
  return {
    error: {
      code,
      message,
      ...(details === undefined ? {} : { details }),
      requestId,
    },
  };
}
