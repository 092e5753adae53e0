/**
 * Town-hall verification codes: printed on paper, typed on a phone. 10 characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V), shown in two groups of five:
 * `K7XQ4-MHR9C`. 23 symbols, so 23^10 ≈ 4·10^13 codes (45 bits): with at most a few thousand
 * valid codes at once and failures rate limited, guessing one is hopeless, and a plain SHA-256
 * of the normalised code is enough at rest.
 */
export const VERIFICATION_CODE_ALPHABET = 'ACDEFGHJKMNPQRTWXY34679';
export const VERIFICATION_CODE_LENGTH = 10;
export const VERIFICATION_CODE_GROUP = 5;
export const VERIFICATION_CODE_DEFAULT_DAYS = 90;
export const VERIFICATION_CODE_MAX_COUNT = 200;
export const VERIFICATION_CODE_MAX_DAYS = 365;

const DAY_MS = 86_400_000;

/**
 * A new code from `randomBytes(n)` (an injected source of uniform random bytes). Bytes at or
 * above the largest multiple of the alphabet size are dropped, so every symbol is equally likely.
 * Returns the normalised form (no separator); `formatVerificationCode` groups it for print.
 */
export function generateVerificationCode(randomBytes: (n: number) => Uint8Array): string {
  const size = VERIFICATION_CODE_ALPHABET.length;
  const limit = 256 - (256 % size);
  let out = '';
  while (out.length < VERIFICATION_CODE_LENGTH) {
    for (const b of randomBytes(VERIFICATION_CODE_LENGTH * 2)) {
      if (b >= limit) continue;
      out += VERIFICATION_CODE_ALPHABET[b % size];
      if (out.length === VERIFICATION_CODE_LENGTH) break;
    }
  }
  return out;
}

/** `K7XQ4MHR9C` → `K7XQ4-MHR9C`. */
export function formatVerificationCode(code: string): string {
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += VERIFICATION_CODE_GROUP) {
    groups.push(code.slice(i, i + VERIFICATION_CODE_GROUP));
  }
  return groups.join('-');
}

/**
 * What a resident typed, as stored: upper-cased, spaces, dashes and dots removed. Returns null when
 * it cannot be a code (wrong length or a symbol outside the alphabet), so nothing is looked up.
 */
export function normalizeVerificationCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s\-.·_]/g, '');
  if (code.length !== VERIFICATION_CODE_LENGTH) return null;
  for (const c of code) if (!VERIFICATION_CODE_ALPHABET.includes(c)) return null;
  return code;
}

/** When codes issued at `now` for `validDays` days stop working. */
export function verificationCodeExpiry(now: Date, validDays: number): Date {
  return new Date(now.getTime() + validDays * DAY_MS);
}

/** What a code row says about redeeming it at `now` by a member of `municipalityId`. */
export interface CodeState {
  municipalityId: string;
  expiresAt: Date;
  usedAt: Date | null;
}

/**
 * Whether a code can be redeemed now by a member of `municipalityId`: unused, not expired, and
 * of the member's own town (a code proves residence in the town that printed it). The database
 * settles the race with the same conditions in one conditional UPDATE.
 */
export function canRedeemCode(code: CodeState, municipalityId: string, now: Date): boolean {
  return (
    code.usedAt === null &&
    code.expiresAt.getTime() > now.getTime() &&
    code.municipalityId === municipalityId
  );
}
