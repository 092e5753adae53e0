import { haversineMetres, type LatLng } from '@partagora/geo';
import { DomainError } from '../shared/domain-error';
import type { ListingOwnerType, ListingStatus } from './listing';

/** Metres: a listing lies within walking-or-cycling reach of its owner's home. */
export const LISTING_MAX_DISTANCE_FROM_HOME_M = 20_000;

/** Statuses no one but a moderator sees. */
const GONE: readonly ListingStatus[] = ['removed', 'hidden'];

export interface ListingAccess {
  ownerId: string;
  status: ListingStatus;
}

/**
 * Whether `viewerId` may see the listing at all: owners still see their paused listings; a
 * listing hidden by moderation is seen by its owner and by that town's moderators only
 * (`moderatesTown`: the viewer moderates the listing's town).
 */
export function canViewListing(
  listing: ListingAccess,
  viewerId: string,
  viewer: { moderatesTown?: boolean } = {},
): boolean {
  if (listing.status === 'hidden')
    return listing.ownerId === viewerId || viewer.moderatesTown === true;
  return (
    !GONE.includes(listing.status) && (listing.status !== 'paused' || listing.ownerId === viewerId)
  );
}

/** Only the owner edits or removes a listing, and not once it is removed or hidden. */
export function assertCanEditListing(listing: ListingAccess, actorId: string): void {
  if (GONE.includes(listing.status))
    throw new DomainError('LISTING_NOT_FOUND', 'This listing no longer exists');
  if (listing.ownerId !== actorId)
    throw new DomainError('FORBIDDEN', 'Only the owner can change this listing');
}

/** A listing's place must be near its owner's home (metres, great-circle). */
export function assertListingLocation(home: LatLng, location: LatLng): void {
  if (haversineMetres(home, location) > LISTING_MAX_DISTANCE_FROM_HOME_M) {
    throw new DomainError('VALIDATION_FAILED', 'The listing must be within 20 km of your home', [
      { path: 'location', message: 'Too far from your home' },
    ]);
  }
}

/**
 * Whether listings of this owner type may accept loan requests automatically. Only organisations'
 * (a tool library, a shop: public places): an accepted exchange shows the exact place, so a
 * resident's listing always waits for the resident's own acceptance, and nobody learns where a
 * resident lives just by booking (DESIGN.md §5).
 */
export function autoAcceptAllowed(ownerType: ListingOwnerType): boolean {
  return ownerType === 'organisation';
}

/**
 * Refuses `autoAccept: true` on a listing whose owner may not auto-accept (a resident's); any
 * other value (false, absent) passes.
 */
export function assertAutoAcceptAllowed(
  ownerType: ListingOwnerType,
  autoAccept: boolean | undefined,
): void {
  if (autoAccept === true && !autoAcceptAllowed(ownerType)) {
    throw new DomainError(
      'AUTO_ACCEPT_NOT_ALLOWED',
      "Automatic acceptance is for organisations' listings: accept each request yourself",
      [{ path: 'loanSettings.autoAccept', message: "Organisations' listings only" }],
    );
  }
}

/** Words of a free-text search, lower-cased, letters and digits only, at most 8. */
export function searchWords(q: string): string[] {
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
}

/**
 * A PostgreSQL `to_tsquery` text matching `words` as prefixes (`perc:* & tond:*`), all of them
 * (`&`) or any (`|`). Safe to pass as a parameter: `searchWords` keeps letters and digits only.
 */
export function prefixTsQuery(words: readonly string[], join: '&' | '|' = '&'): string {
  return words.map((w) => `${w}:*`).join(` ${join} `);
}
