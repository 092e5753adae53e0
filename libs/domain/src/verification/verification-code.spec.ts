import {
  VERIFICATION_CODE_ALPHABET,
  VERIFICATION_CODE_LENGTH,
  canRedeemCode,
  formatVerificationCode,
  generateVerificationCode,
  normalizeVerificationCode,
  verificationCodeExpiry,
} from './verification-code';
import { createVerificationCodesSchema } from './verification.schema';

/** A deterministic byte source: the given bytes, over and over. */
const bytesOf =
  (...values: number[]) =>
  (n: number) =>
    Uint8Array.from({ length: n }, (_, i) => values[i % values.length]!);

describe(generateVerificationCode.name, () => {
  it('should map bytes onto the alphabet', () => {
    expect(generateVerificationCode(bytesOf(0))).toBe('A'.repeat(VERIFICATION_CODE_LENGTH));
    expect(generateVerificationCode(bytesOf(1))).toBe('C'.repeat(VERIFICATION_CODE_LENGTH));
  });

  it('should drop bytes above the last whole multiple of the alphabet (no bias)', () => {
    const size = VERIFICATION_CODE_ALPHABET.length;
    const limit = 256 - (256 % size);
    // Every other byte is out of range and skipped.
    expect(generateVerificationCode(bytesOf(limit, 2, 255, 2))).toBe(
      VERIFICATION_CODE_ALPHABET[2]!.repeat(VERIFICATION_CODE_LENGTH),
    );
  });

  it('should only use unambiguous symbols', () => {
    for (const c of '0O1IL2Z5S8BUV') expect(VERIFICATION_CODE_ALPHABET).not.toContain(c);
  });
});

describe(formatVerificationCode.name, () => {
  it.each([
    ['K7XQ4MHR9C', 'K7XQ4-MHR9C'],
    ['ACDEF', 'ACDEF'],
  ])('should group %s as %s', (code, printed) => {
    expect(formatVerificationCode(code)).toBe(printed);
  });
});

describe(normalizeVerificationCode.name, () => {
  it.each<[string, string | null]>([
    ['K7XQ4-MHR9C', 'K7XQ4MHR9C'],
    ['k7xq4-mhr9c', 'K7XQ4MHR9C'],
    [' K7XQ4 MHR9C ', 'K7XQ4MHR9C'],
    ['K7X.Q4M-HR9C', 'K7XQ4MHR9C'],
    ['K7XQ4-MHR9', null],
    ['K7XQ4-MHR9CC', null],
    ['K0XQ4-MHR9C', null],
    ['', null],
    ["K7XQ4' OR 1=1", null],
  ])('should read %j as %j', (input, expected) => {
    expect(normalizeVerificationCode(input)).toBe(expected);
  });
});

describe(canRedeemCode.name, () => {
  const now = new Date('2026-12-02T10:00:00Z');
  const code = {
    municipalityId: 'town-a',
    expiresAt: new Date('2026-12-03T10:00:00Z'),
    usedAt: null,
  };
  it.each<[string, Parameters<typeof canRedeemCode>[0], string, boolean]>([
    ['an unused code of the town', code, 'town-a', true],
    ['a used code', { ...code, usedAt: new Date('2026-12-01T00:00:00Z') }, 'town-a', false],
    ['an expired code', { ...code, expiresAt: new Date('2026-12-02T09:59:59Z') }, 'town-a', false],
    ['a code expiring right now', { ...code, expiresAt: now }, 'town-a', false],
    ['a code of another town', code, 'town-b', false],
  ])('should decide %s', (_, state, town, expected) => {
    expect(canRedeemCode(state, town, now)).toBe(expected);
  });
});

describe(verificationCodeExpiry.name, () => {
  it('should add whole days', () => {
    expect(verificationCodeExpiry(new Date('2026-12-02T10:00:00Z'), 90).toISOString()).toBe(
      '2027-03-02T10:00:00.000Z',
    );
  });
});

describe('createVerificationCodesSchema', () => {
  it.each<[unknown, boolean]>([
    [{ count: 1 }, true],
    [{ count: 200, validDays: 365 }, true],
    [{ count: 0 }, false],
    [{ count: 201 }, false],
    [{ count: 1.5 }, false],
    [{ count: 10, validDays: 0 }, false],
    [{ count: 10, validDays: 366 }, false],
    [{ count: 10, extra: true }, false],
  ])('should judge %j (%s)', (input, ok) => {
    expect(createVerificationCodesSchema.safeParse(input).success).toBe(ok);
  });
});
