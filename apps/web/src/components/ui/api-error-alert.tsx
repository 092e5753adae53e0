import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client';
import { fr } from '../../lib/locales/fr';

/**
 * Codes with their own sentence: those the French translation has (English has the same keys, the
 * `Translation` type says so); any other code gets the generic one. No second list to keep in step
 * with libs/domain's error codes.
 */
type KnownCode = Exclude<keyof typeof fr.errors.codes, 'generic'>;

function isKnownCode(code: string): code is KnownCode {
  return code !== 'generic' && Object.hasOwn(fr.errors.codes, code);
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
