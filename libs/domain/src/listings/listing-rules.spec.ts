import { DomainError } from '../shared/domain-error';
import type { ListingOwnerType } from './listing';
import { assertAutoAcceptAllowed, autoAcceptAllowed } from './listing-rules';

const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not a DomainError';
  }
};

describe(autoAcceptAllowed.name, () => {
  it.each<[ListingOwnerType, boolean]>([
    ['user', false],
    ['organisation', true],
  ])('should say whether a %s may auto-accept: %s', (ownerType, allowed) => {
    expect(autoAcceptAllowed(ownerType)).toBe(allowed);
  });
});

describe(assertAutoAcceptAllowed.name, () => {
  it.each<[ListingOwnerType, boolean | undefined, string | null]>([
    ['user', true, 'AUTO_ACCEPT_NOT_ALLOWED'],
    ['user', false, null],
    ['user', undefined, null],
    ['organisation', true, null],
    ['organisation', false, null],
    ['organisation', undefined, null],
  ])('should answer a %s asking autoAccept=%s with %s', (ownerType, autoAccept, code) => {
    expect(codeOf(() => assertAutoAcceptAllowed(ownerType, autoAccept))).toBe(code);
  });

  it('should point at the field', () => {
    try {
      assertAutoAcceptAllowed('user', true);
      throw new Error('not thrown');
    } catch (e) {
      expect((e as DomainError).details).toEqual([
        { path: 'loanSettings.autoAccept', message: expect.any(String) },
      ]);
    }
  });
});
