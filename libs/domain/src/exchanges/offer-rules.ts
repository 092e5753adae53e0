import type { ListingAccess } from '../listings/listing-rules';
import { DomainError } from '../shared/domain-error';
import type { ExchangeKind } from './exchange';

/** What a request offers in return: one of the requester's listings and/or a described item. */
export interface Offer {
  offeredListingId?: string | null;
  offeredItem?: string | null;
}

/** Whether a kind's request may carry each part of an offer. */
export interface OfferRule {
  listing: 'forbidden' | 'optional' | 'required';
  item: 'forbidden' | 'optional';
  /** At least one of the two is needed. */
  something: boolean;
}

/**
 * Per kind: a loan or a gift offers nothing; a swap offers one of the requester's listings or
 * describes an item (or both); an answer to a wanted post offers one of the requester's
 * listings (and may describe it further).
 */
export const OFFER_RULES: Record<ExchangeKind, OfferRule> = {
  loan: { listing: 'forbidden', item: 'forbidden', something: false },
  gift: { listing: 'forbidden', item: 'forbidden', something: false },
  swap: { listing: 'optional', item: 'optional', something: true },
  answer: { listing: 'required', item: 'optional', something: true },
};

const notOneOfYours = () =>
  new DomainError(
    'VALIDATION_FAILED',
    'The offered listing must be one of your available listings',
    [{ path: 'offeredListingId', message: 'Not one of your available listings' }],
  );

/**
 * The offer's shape for a request of `kind` about listing `listingId`, or a `VALIDATION_FAILED`
 * on the field at fault. Whether an offered listing is the requester's and available is
 * `assertCanOfferListing`'s, once the caller has loaded it.
 */
export function assertOfferFits(kind: ExchangeKind, listingId: string, offer: Offer): void {
  const rule = OFFER_RULES[kind];
  const listing = !!offer.offeredListingId;
  const item = !!offer.offeredItem;
  if ((listing && rule.listing === 'forbidden') || (item && rule.item === 'forbidden')) {
    throw new DomainError('VALIDATION_FAILED', 'Only swaps and answers offer something', [
      { path: 'offeredListingId', message: 'Not for this kind' },
    ]);
  }
  if (!listing && rule.listing === 'required') {
    throw new DomainError('VALIDATION_FAILED', 'Answer a wanted post with one of your listings', [
      { path: 'offeredListingId', message: 'Required' },
    ]);
  }
  if (!listing && !item && rule.something) {
    throw new DomainError('VALIDATION_FAILED', 'Offer one of your listings or describe an item', [
      { path: 'offeredItem', message: 'Required' },
    ]);
  }
  // A listing cannot be offered in exchange for itself.
  if (listing && offer.offeredListingId === listingId) throw notOneOfYours();
}

/** An offered listing must exist, be the requester's own and still be available. */
export function assertCanOfferListing(offered: ListingAccess | null, requesterId: string): void {
  if (!offered || offered.ownerId !== requesterId || offered.status !== 'available') {
    throw notOneOfYours();
  }
}
