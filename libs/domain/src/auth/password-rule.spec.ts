import { DomainError } from '../shared/domain-error';
import {
  PASSWORD_MAX,
  PASSWORD_MIN,
  assertAcceptablePassword,
  passwordProblem,
} from './password-rule';

/** A stand-in for the injected common-password list. */
const COMMON = new Set(['password', 'azertyuiop', '12345678', 'motdepasse']);
const isCommon = (p: string) => COMMON.has(p);

describe(passwordProblem.name, () => {
  it.each<[string, string, ReturnType<typeof passwordProblem>]>([
    ['7 characters', 'p'.repeat(PASSWORD_MIN - 1), 'too_short'],
    ['the minimum length', 'q7!vLm#2', null],
    ['the maximum length', 'x'.repeat(PASSWORD_MAX), null],
    ['one over the maximum', 'x'.repeat(PASSWORD_MAX + 1), 'too_long'],
    ['a common password', 'azertyuiop', 'too_common'],
    ['a common password in capitals', 'MotDePasse', 'too_common'],
    ['a common short one (length first)', '1234567', 'too_short'],
    ['a passphrase', 'correct horse battery staple', null],
    ['a common word inside a longer phrase', 'password of my own 2026', null],
  ])('should judge %s', (_, password, expected) => {
    expect(passwordProblem(password, isCommon)).toBe(expected);
  });
});

describe(assertAcceptablePassword.name, () => {
  const errorOf = (password: string): DomainError | undefined => {
    try {
      assertAcceptablePassword(password, isCommon);
      return undefined;
    } catch (err) {
      return err as DomainError;
    }
  };

  it.each<[string, string, string | undefined]>([
    ['an acceptable password', 'correct horse battery staple', undefined],
    ['a common password', 'password', 'PASSWORD_TOO_COMMON'],
    ['a short one', 'short', 'VALIDATION_FAILED'],
    ['a long one', 'y'.repeat(PASSWORD_MAX + 1), 'VALIDATION_FAILED'],
  ])('should answer %s with %s', (_, password, code) => {
    const err = errorOf(password);
    expect(err?.code).toBe(code);
    if (err) expect(err.details).toEqual([{ path: 'password', message: expect.any(String) }]);
  });
});
