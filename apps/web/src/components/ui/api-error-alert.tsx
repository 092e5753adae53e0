import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client';

/** Codes with their own sentence; any other code gets the generic one. */
const KNOWN_CODES = [
  'VALIDATION_FAILED',
  'INVALID_CREDENTIALS',
  'EMAIL_TAKEN',
  'HOME_OUTSIDE_MUNICIPALITY',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'LISTING_NOT_FOUND',
  'MUNICIPALITY_NOT_FOUND',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'NETWORK_ERROR',
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
  'IMAGE_INVALID',
  'TOO_MANY_PHOTOS',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'PHOTO_NOT_FOUND',
  'PASSWORD_TOO_COMMON',
  'VERIFICATION_CODE_INVALID',
  'EMAIL_CONFIRMATION_INVALID',
  'PASSWORD_RESET_INVALID',
  'RATE_LIMIT_UNAVAILABLE',
  'REVIEW_EXISTS',
  'EXCHANGE_NOT_COMPLETED',
  'BLOCKED',
  'CANNOT_BLOCK_SELF',
  'USER_NOT_FOUND',
  'ALREADY_REPORTED',
  'REPORT_NOT_FOUND',
  'REPORT_TARGET_NOT_FOUND',
  'SELF_REPORT',
  'ACCOUNT_SUSPENDED',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];

function isKnownCode(code: string): code is KnownCode {
  return (KNOWN_CODES as readonly string[]).includes(code);
}

/** The translated, user-facing sentence for an error (never the server's own message). */
export function errorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error) && isKnownCode(error.code)) return t(`errors.codes.${error.code}`);
  return t('errors.codes.generic');
}

export interface ApiErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
}

/** An error box, announced immediately, with the request id for support and an optional retry. */
export function ApiErrorAlert({ error, onRetry }: ApiErrorAlertProps) {
  const { t } = useTranslation();
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <div className="alert alert--error" role="alert">
      <p>
        <span aria-hidden="true">⚠ </span>
        {errorMessage(t, error)}
      </p>
      {requestId ? <p className="alert__meta">{t('errors.requestId', { id: requestId })}</p> : null}
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}
