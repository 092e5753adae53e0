import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isApiError } from '../../../lib/api-client';
import { i18n } from '../../../lib/i18n';

/**
 * Puts a refused request's field `details` on the form (API paths → form fields); returns `false`
 * when the error is not a field error, so the caller shows it as a whole-form alert instead.
 */
export function applyRequestError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fieldOf: Record<string, Path<T>>,
): boolean {
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED') return false;
  let mapped = 0;
  for (const detail of error.details) {
    const field = fieldOf[detail.path.replace(/^body\./, '')];
    if (!field) continue;
    const message = detail.message
      ? i18n.t('errors.field.invalidWithReason', { reason: detail.message })
      : i18n.t('errors.field.invalid');
    setError(field, { type: 'server', message }, { shouldFocus: mapped === 0 });
    mapped += 1;
  }
  return mapped > 0;
}
