import type { ListingStatus } from '../listings/listing';
import type { ExchangeKind, ExchangeStatus } from './exchange';

/** A listing's new status; with `onlyIf`, only when it currently has one of those statuses. */
export interface ListingStatusChange {
  set: ListingStatus;
  onlyIf?: readonly ListingStatus[];
}

/** What one step of an exchange does beyond the exchange itself; the service applies it. */
export interface ExchangeEffects {
  /** The exchange's listing. */
  listing: ListingStatusChange | null;
  /** The listing offered in return (a swap that offered one of the requester's listings). */
  offeredListing: ListingStatusChange | null;
  /** Decline the listing's other open requests (they are told it went to someone else). */
  declineOthers: boolean;
}

export interface ExchangeStep {
  kind: ExchangeKind;
  from: ExchangeStatus;
  to: ExchangeStatus;
  /** Whether the request offered one of the requester's listings (not only a described item). */
  offersListing: boolean;
}

const NONE: ExchangeEffects = { listing: null, offeredListing: null, declineOthers: false };

/** The status a listing ends in once its exchange is completed. */
const DONE: Record<Exclude<ExchangeKind, 'loan'>, ListingStatus> = {
  gift: 'given',
  swap: 'swapped',
  answer: 'fulfilled',
};

/**
 * The effects of a step on the listings. A loan never changes its listing's status (its dates
 * do the holding). For a gift, swap or answer: accepting reserves an available listing and
 * declines the other requests; a gift is given at its hand-over; completing makes the listing
 * given, swapped or fulfilled (and the offered listing of a swap swapped); cancelling or a
 * no-show after acceptance makes a reserved listing available again.
 */
export function exchangeEffects({ kind, from, to, offersListing }: ExchangeStep): ExchangeEffects {
  if (kind === 'loan') return NONE;
  switch (to) {
    case 'accepted':
      return { ...NONE, listing: { set: 'reserved', onlyIf: ['available'] }, declineOthers: true };
    case 'handed_over':
      return kind === 'gift' ? { ...NONE, listing: { set: 'given' } } : NONE;
    case 'completed':
      return {
        ...NONE,
        listing: { set: DONE[kind] },
        offeredListing: kind === 'swap' && offersListing ? { set: 'swapped' } : null,
      };
    case 'cancelled':
    case 'no_show':
      return from === 'accepted'
        ? { ...NONE, listing: { set: 'available', onlyIf: ['reserved'] } }
        : NONE;
    case 'requested':
    case 'returned':
    case 'declined':
    case 'expired':
    case 'overdue':
      return NONE;
  }
}
