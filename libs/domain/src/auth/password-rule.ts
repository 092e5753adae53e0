import { DomainError } from '../shared/domain-error';

/** Password length, in characters (UTF-16 code units, as `String.length` counts them). */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** Tells whether a password is among the well-known common ones (the API injects the list). */
export type CommonPasswordPredicate = (password: string) => boolean;

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common';

/**
 * What is wrong with a new password, or null when it is acceptable: 8–128 characters and not
 * among the common passwords (`isCommon`, injected so this library stays free of the list).
 * The common list is checked as typed and lower-cased, since guessers try both.
 */
export function passwordProblem(
  password: string,
  isCommon: CommonPasswordPredicate,
): PasswordProblem | null {
  if (password.length < PASSWORD_MIN) return 'too_short';
  if (password.length > PASSWORD_MAX) return 'too_long';
  if (isCommon(password) || isCommon(password.toLowerCase())) return 'too_common';
  return null;
}

/**
 * Throws a 400 field error on `password` when the new password is refused: `PASSWORD_TOO_COMMON`
 * for a common one, `VALIDATION_FAILED` for a length out of bounds (the schemas catch those first).
 */
export function assertAcceptablePassword(
  password: string,
  isCommon: CommonPasswordPredicate,
): void {
  const problem = passwordProblem(password, isCommon);
  switch (problem) {
    case null:
      return;
    case 'too_common':
      throw new DomainError(
        'PASSWORD_TOO_COMMON',
        'This password is among the most common ones; choose another',
        [{ path: 'password', message: 'Too common' }],
      );
    case 'too_short':
    case 'too_long':
      throw new DomainError('VALIDATION_FAILED', 'The password has the wrong length', [
        {
          path: 'password',
          message: `Between ${PASSWORD_MIN} and ${PASSWORD_MAX} characters`,
        },
      ]);
  }
}
