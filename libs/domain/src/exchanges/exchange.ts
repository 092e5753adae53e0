import type { ListingKind } from '../listings/listing';

/** One agreement between two neighbours; its kind follows the listing's (DESIGN.md §3). */
export const EXCHANGE_KINDS = ['loan', 'gift', 'swap', 'answer'] as const;
export type ExchangeKind = (typeof EXCHANGE_KINDS)[number];

export const EXCHANGE_STATUSES = [
  'requested',
  'accepted',
  'handed_over',
  'returned',
  'completed',
  'declined',
  'cancelled',
  'expired',
  'no_show',
  'overdue',
] as const;
export type ExchangeStatus = (typeof EXCHANGE_STATUSES)[number];

/** Steps a party takes through `POST /exchanges/:id/<action>`; `expire` and `overdue` are the system's. */
export const EXCHANGE_ACTIONS = [
  'accept',
  'decline',
  'cancel',
  'handover',
  'return',
  'complete',
  'no_show',
  'expire',
  'overdue',
] as const;
export type ExchangeAction = (typeof EXCHANGE_ACTIONS)[number];

/** Who takes a step: the listing's owner, the neighbour who asked, or the system (timers). */
export type ExchangeActor = 'owner' | 'requester' | 'system';

const KIND_OF: Record<ListingKind, ExchangeKind> = {
  lend: 'loan',
  give: 'gift',
  barter: 'swap',
  wanted: 'answer',
};

export function exchangeKindFor(listingKind: ListingKind): ExchangeKind {
  return KIND_OF[listingKind];
}

/** Statuses in which the item is promised or out: they hold the listing (loans: their period). */
export const HOLDING_STATUSES: readonly ExchangeStatus[] = ['accepted', 'handed_over', 'overdue'];

/** Statuses after which nothing more happens. */
export const FINAL_STATUSES: readonly ExchangeStatus[] = [
  'completed',
  'declined',
  'cancelled',
  'expired',
  'no_show',
];

/**
 * The statuses in which the exact meeting point (the owner's place) may be shown to the two
 * parties: while the exchange holds the item. Necessary, not sufficient: `revealsExactPlace` adds
 * the 48 h window before a loan starts (DESIGN.md §5).
 */
export function revealsExactPoint(status: ExchangeStatus): boolean {
  return HOLDING_STATUSES.includes(status);
}
