import { DomainError } from '../shared/domain-error';
import { DEFAULT_LOAN_SETTINGS } from '../listings/listing';
import { assertCanRequest, assertCanRequestLoan, heldSpan } from './booking-policy';

const now = new Date('2026-11-22T10:00:00Z');
const at = (iso: string) => new Date(iso);
const listing = {
  ownerId: 'owner',
  kind: 'lend' as const,
  status: 'available' as const,
  loan: { ...DEFAULT_LOAN_SETTINGS, maxDays: 3 },
};

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe(assertCanRequestLoan.name, () => {
  it('should accept a period within the maximum length', () => {
    const period = { start: at('2026-11-23T09:00:00Z'), end: at('2026-11-26T09:00:00Z') };
    expect(assertCanRequestLoan({ listing, requesterId: 'me', period, now })).toEqual(period);
  });

  it.each([
    ["one's own listing", { requesterId: 'owner' }, 'SELF_EXCHANGE'],
    [
      'a paused listing',
      { listing: { ...listing, status: 'paused' as const } },
      'LISTING_UNAVAILABLE',
    ],
    ['no period', { period: null }, 'VALIDATION_FAILED'],
    [
      'an end before the start',
      { period: { start: at('2026-11-24T09:00:00Z'), end: at('2026-11-23T09:00:00Z') } },
      'VALIDATION_FAILED',
    ],
    [
      'an empty period',
      { period: { start: at('2026-11-24T09:00:00Z'), end: at('2026-11-24T09:00:00Z') } },
      'VALIDATION_FAILED',
    ],
    [
      'a start an hour ago',
      { period: { start: at('2026-11-22T09:00:00Z'), end: at('2026-11-23T09:00:00Z') } },
      'VALIDATION_FAILED',
    ],
    [
      'a start next year',
      { period: { start: at('2027-11-22T09:00:00Z'), end: at('2027-11-23T09:00:00Z') } },
      'VALIDATION_FAILED',
    ],
    [
      'one minute over the maximum',
      { period: { start: at('2026-11-23T09:00:00Z'), end: at('2026-11-26T09:01:00Z') } },
      'LOAN_TOO_LONG',
    ],
  ])('should refuse %s', (_name, override, code) => {
    const ctx = {
      listing,
      requesterId: 'me',
      period: { start: at('2026-11-23T09:00:00Z'), end: at('2026-11-24T09:00:00Z') },
      now,
      ...override,
    };
    expect(codeOf(() => assertCanRequestLoan(ctx))).toBe(code);
  });

  it('should allow a start a few minutes ago (asked on the doorstep)', () => {
    const period = { start: at('2026-11-22T09:50:00Z'), end: at('2026-11-22T18:00:00Z') };
    expect(() => assertCanRequestLoan({ listing, requesterId: 'me', period, now })).not.toThrow();
  });
});

describe(assertCanRequest.name, () => {
  it('should refuse a given listing', () => {
    expect(codeOf(() => assertCanRequest({ ownerId: 'o', status: 'given' }, 'me'))).toBe(
      'LISTING_UNAVAILABLE',
    );
  });
});

describe(heldSpan.name, () => {
  it('should hold the item for the buffer after the loan', () => {
    const held = heldSpan(
      { start: at('2026-11-23T09:00:00Z'), end: at('2026-11-24T09:00:00Z') },
      2,
    );
    expect(held).toEqual({ start: at('2026-11-23T09:00:00Z'), end: at('2026-11-24T11:00:00Z') });
  });
});
