import { DomainError } from '../shared/domain-error';
import type { ListingKind, ListingStatus, LoanSettings } from '../listings/listing';

export interface Period {
  start: Date;
  end: Date;
}

/** A loan may start a little in the past (a request made on the doorstep), not more. */
export const LOAN_START_GRACE_MS = 15 * 60_000;
/** How far ahead a loan can be booked. */
export const LOAN_BOOKING_HORIZON_DAYS = 180;

const DAY_MS = 86_400_000;

export interface LoanRequestContext {
  listing: { ownerId: string; kind: ListingKind; status: ListingStatus; loan: LoanSettings };
  requesterId: string;
  period: Period | null;
  now: Date;
}

/** Anyone asking for any listing: not their own, and only while it is open. */
export function assertCanRequest(
  listing: { ownerId: string; status: ListingStatus },
  requesterId: string,
): void {
  if (listing.ownerId === requesterId) {
    throw new DomainError('SELF_EXCHANGE', 'You cannot ask for your own listing');
  }
  if (listing.status !== 'available') {
    throw new DomainError('LISTING_UNAVAILABLE', 'This listing is not available any more');
  }
}

/** The rules of a loan request; returns the period to book. */
export function assertCanRequestLoan({
  listing,
  requesterId,
  period,
  now,
}: LoanRequestContext): Period {
  assertCanRequest(listing, requesterId);
  if (!period) {
    throw new DomainError('VALIDATION_FAILED', 'A loan needs a start and an end', [
      { path: 'start', message: 'Required for a loan' },
    ]);
  }
  return assertLoanPeriod(period, listing.loan.maxDays, now);
}

/**
 * The dates of a loan: end after start, not in the past (but for a grace), at most 180 days
 * ahead, at most `maxDays` long. For a booking and for new dates of an agreed loan alike.
 */
export function assertLoanPeriod(period: Period, maxDays: number, now: Date): Period {
  const { start, end } = period;
  if (end.getTime() <= start.getTime()) {
    throw new DomainError('VALIDATION_FAILED', 'The loan must end after it starts', [
      { path: 'end', message: 'Must be after the start' },
    ]);
  }
  if (start.getTime() < now.getTime() - LOAN_START_GRACE_MS) {
    throw new DomainError('VALIDATION_FAILED', 'The loan cannot start in the past', [
      { path: 'start', message: 'In the past' },
    ]);
  }
  if (start.getTime() > now.getTime() + LOAN_BOOKING_HORIZON_DAYS * DAY_MS) {
    throw new DomainError('VALIDATION_FAILED', 'Loans are booked at most 180 days ahead', [
      { path: 'start', message: 'Too far ahead' },
    ]);
  }
  if (end.getTime() - start.getTime() > maxDays * DAY_MS) {
    throw new DomainError('LOAN_TOO_LONG', `This item is lent for ${maxDays} days at most`, [
      { path: 'end', message: `At most ${maxDays} days` },
    ]);
  }
  return { start, end };
}

/**
 * The span a loan holds the item: its period plus the owner's buffer after it. Two holding loans
 * of one listing may not have overlapping held spans (the database's exclusion constraint).
 */
export function heldSpan(period: Period, bufferHours: number): Period {
  return { start: period.start, end: new Date(period.end.getTime() + bufferHours * 3_600_000) };
}
