import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { isApiError } from './api-client';
import { i18n } from './i18n';

/** A translated message for one zod issue (the schemas come from `@partagora/domain`). */
export function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === ''
        ? i18n.t('errors.field.required')
        : issue.expected === 'number'
          ? i18n.t('errors.field.number')
          : i18n.t('errors.field.invalid');
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        return min <= 1
          ? i18n.t('errors.field.required')
          : i18n.t('errors.field.tooShort', { min });
      }
      return i18n.t('errors.field.tooSmall', { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      return issue.origin === 'string'
        ? i18n.t('errors.field.tooLong', { max })
        : i18n.t('errors.field.tooBig', { max });
    }
    case 'invalid_format':
      return issue.format === 'email'
        ? i18n.t('errors.field.email')
        : i18n.t('errors.field.invalid');
    case 'invalid_value':
      return i18n.t('errors.field.choose');
    case 'custom':
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_union':
    case 'not_multiple_of':
    case 'unrecognized_keys':
      return i18n.t('errors.field.invalid');
  }
}

/**
 * The form field an API or schema path belongs to: the path itself when it is a field, else the
 * first field below it (`home` → `home.lat`). Server paths may carry a `body.` prefix.
 */
export function fieldForPath<T extends string>(path: string, fields: readonly T[]): T | undefined {
  const clean = path.replace(/^body\./, '');
  return (
    fields.find((f) => f === clean) ??
    fields.find((f) => f.startsWith(`${clean}.`)) ??
    fields.find((f) => clean.startsWith(`${f}.`))
  );
}

/**
 * Puts the `details` of an API `VALIDATION_FAILED` (or any error with details) onto the form's
 * fields. Returns how many fields received an error.
 */
export function applyApiErrorToForm<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): number {
  if (!isApiError(error)) return 0;
  let mapped = 0;
  for (const detail of error.details) {
    const field = fieldForPath(detail.path, fields);
    if (!field) continue;
    const message = detail.message
      ? i18n.t('errors.field.invalidWithReason', { reason: detail.message })
      : i18n.t('errors.field.invalid');
    setError(field, { type: 'server', message }, { shouldFocus: mapped === 0 });
    mapped += 1;
  }
  return mapped;
}
