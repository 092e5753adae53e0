/** What a listing offers; an exchange's kind follows from it (DESIGN.md §3). */
export const LISTING_KINDS = ['lend', 'give', 'barter', 'wanted'] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];

export const LISTING_CATEGORIES = [
  'tools',
  'garden',
  'kitchen',
  'household',
  'kids',
  'books-media',
  'sports-leisure',
  'electronics',
  'furniture',
  'clothing',
  'mobility',
  'party',
  'other',
] as const;
export type ListingCategory = (typeof LISTING_CATEGORIES)[number];

export const LISTING_CONDITIONS = ['new', 'like_new', 'good', 'fair', 'worn'] as const;
export type ListingCondition = (typeof LISTING_CONDITIONS)[number];

/**
 * `available`: shown in search; `reserved`: an exchange is under way (gift/swap);
 * `given`/`swapped`/`fulfilled` (a wanted post answered): done, kept for history; `paused`:
 * hidden by its owner; `removed`: deleted
 * (soft, so exchanges keep their listing); `hidden`: by a moderator.
 */
export const LISTING_STATUSES = [
  'available',
  'reserved',
  'given',
  'swapped',
  'fulfilled',
  'paused',
  'removed',
  'hidden',
] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

/** Statuses the owner may set directly through `PATCH /listings/:id`. */
export const OWNER_SETTABLE_STATUSES = ['available', 'paused'] as const;

/**
 * Who owns a listing: a resident (`user`) or an organisation (town hall, shop, association; a
 * later issue). Rules that differ between them take this type.
 */
export const LISTING_OWNER_TYPES = ['user', 'organisation'] as const;
export type ListingOwnerType = (typeof LISTING_OWNER_TYPES)[number];

export interface LoanSettings {
  /** Longest loan in days. */
  maxDays: number;
  /** Hours kept free between two loans (cleaning, hand-over). */
  bufferHours: number;
  depositNote: string | null;
  /** Requests accepted without the owner: organisations' listings only (`autoAcceptAllowed`). */
  autoAccept: boolean;
}

export const DEFAULT_LOAN_SETTINGS: LoanSettings = {
  maxDays: 7,
  bufferHours: 2,
  depositNote: null,
  autoAccept: false,
};

/** Limits a listing's text and search must respect. */
export const LISTING_LIMITS = {
  titleMin: 3,
  titleMax: 120,
  descriptionMax: 4000,
  searchQueryMax: 200,
  searchLimitDefault: 20,
  searchLimitMax: 100,
  /** Metres. */
  searchRadiusDefault: 2000,
  /** Metres. A larger radius is no longer "near me". */
  searchRadiusMax: 50000,
  loanMaxDaysMax: 90,
  bufferHoursMax: 168,
} as const;
