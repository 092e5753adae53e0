import { type ExchangeKind, type ExchangeStatus, HOLDING_STATUSES } from './exchange';

/** Hours before a loan starts from which its parties see the exact place (DESIGN.md §5). */
export const EXACT_PLACE_LEAD_HOURS = 48;

const LEAD_MS = EXACT_PLACE_LEAD_HOURS * 3_600_000;

export interface MeetingPointContext {
  kind: ExchangeKind;
  status: ExchangeStatus;
  /** A loan's start (hand-over); null for gifts, swaps and answers. */
  start: Date | null;
}

/**
 * Whether the two parties of an exchange see the exact place at `now` (DESIGN.md §5), rather than
 * the public point:
 *
 * - never before acceptance, nor once the exchange has ended (returned, completed, declined,
 *   cancelled, expired, no-show): only while it holds the item (`HOLDING_STATUSES`);
 * - a gift, swap or answer: as soon as it is accepted;
 * - an accepted loan: from `EXACT_PLACE_LEAD_HOURS` (48 h) before its start, so a loan booked
 *   weeks ahead does not hand the borrower the lender's address weeks ahead; once handed over
 *   (or overdue) the borrower has met there, and returns the item there.
 *
 * A loan without a start (never stored: the database requires a period) stays approximate.
 */
export function revealsExactPlace(exchange: MeetingPointContext, now: Date): boolean {
  if (!HOLDING_STATUSES.includes(exchange.status)) return false;
  if (exchange.kind !== 'loan' || exchange.status !== 'accepted') return true;
  if (!exchange.start) return false;
  return now.getTime() >= exchange.start.getTime() - LEAD_MS;
}
