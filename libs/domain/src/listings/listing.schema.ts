import { z } from 'zod';
import { photoSchema } from '../photos/photo.schema';
import { cursorQuerySchema } from '../shared/cursor';
import { fromQuery, latLngSchema, queryNumber } from '../shared/schemas';
import {
  LISTING_CATEGORIES,
  LISTING_CONDITIONS,
  LISTING_KINDS,
  LISTING_LIMITS,
  LISTING_OWNER_TYPES,
  LISTING_STATUSES,
  OWNER_SETTABLE_STATUSES,
} from './listing';
import { DISTANCE_BUCKETS } from '@partagora/geo';

const trimmed = (min: number, max: number) => z.string().trim().min(min).max(max);

export const loanSettingsSchema = z.object({
  maxDays: z.number().int().min(1).max(LISTING_LIMITS.loanMaxDaysMax),
  bufferHours: z.number().int().min(0).max(LISTING_LIMITS.bufferHoursMax),
  depositNote: z.string().trim().max(200).nullable(),
  autoAccept: z.boolean(),
});

export const createListingSchema = z.strictObject({
  kind: z.enum(LISTING_KINDS),
  category: z.enum(LISTING_CATEGORIES),
  title: trimmed(LISTING_LIMITS.titleMin, LISTING_LIMITS.titleMax),
  description: z.string().trim().max(LISTING_LIMITS.descriptionMax).default(''),
  condition: z.enum(LISTING_CONDITIONS).nullable().default(null),
  /** Where the thing is; defaults to the owner's home. Never returned to other people. */
  location: latLngSchema.optional(),
  loanSettings: loanSettingsSchema.partial().optional(),
  barterWishes: z.string().trim().max(500).nullable().optional(),
  /**
   * A tool-library item: the organisation that owns it (its staff or admins only). Its place is
   * the organisation's public address (`location` is then refused).
   */
  organisationId: z.uuid().optional(),
});
export type CreateListingInput = z.infer<typeof createListingSchema>;

export const updateListingSchema = z
  .strictObject({
    category: z.enum(LISTING_CATEGORIES),
    title: trimmed(LISTING_LIMITS.titleMin, LISTING_LIMITS.titleMax),
    description: z.string().trim().max(LISTING_LIMITS.descriptionMax),
    condition: z.enum(LISTING_CONDITIONS).nullable(),
    location: latLngSchema,
    loanSettings: loanSettingsSchema.partial(),
    barterWishes: z.string().trim().max(500).nullable(),
    status: z.enum(OWNER_SETTABLE_STATUSES),
  })
  .partial();
export type UpdateListingInput = z.infer<typeof updateListingSchema>;

export const searchListingsQuerySchema = z.strictObject({
  lat: fromQuery(queryNumber().min(-90).max(90)),
  lng: fromQuery(queryNumber().min(-180).max(180)),
  /** Metres. */
  radius: fromQuery(queryNumber().positive().max(LISTING_LIMITS.searchRadiusMax).optional()),
  kind: z.enum(LISTING_KINDS).optional(),
  category: z.enum(LISTING_CATEGORIES).optional(),
  q: z.string().trim().min(1).max(LISTING_LIMITS.searchQueryMax).optional(),
  limit: fromQuery(queryNumber().int().min(1).max(LISTING_LIMITS.searchLimitMax).optional()),
  cursor: cursorQuerySchema.optional(),
});
export type SearchListingsQuery = z.infer<typeof searchListingsQuerySchema>;

export const mapListingsQuerySchema = z.strictObject({
  /** `west,south,east,north` in degrees. */
  bbox: z.string().max(200),
  zoom: fromQuery(queryNumber().int().min(0).max(22)),
  kind: z.enum(LISTING_KINDS).optional(),
  category: z.enum(LISTING_CATEGORIES).optional(),
  q: z.string().trim().min(1).max(LISTING_LIMITS.searchQueryMax).optional(),
});
export type MapListingsQuery = z.infer<typeof mapListingsQuerySchema>;

export const listingOwnerSchema = z.object({
  /** `organisation` for a tool-library item; residents' listings are `user`. */
  type: z.enum(LISTING_OWNER_TYPES),
  id: z.string(),
  displayName: z.string(),
});

export const listingSchema = z.object({
  id: z.string(),
  kind: z.enum(LISTING_KINDS),
  category: z.enum(LISTING_CATEGORIES),
  title: z.string(),
  description: z.string(),
  condition: z.enum(LISTING_CONDITIONS).nullable(),
  status: z.enum(LISTING_STATUSES),
  /** The public approximation (DESIGN.md §5), never the exact point. */
  approxLocation: latLngSchema,
  owner: listingOwnerSchema,
  municipality: z.string(),
  loanSettings: loanSettingsSchema.nullable(),
  barterWishes: z.string().nullable(),
  photos: z.array(photoSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ListingView = z.infer<typeof listingSchema>;

export const listingSearchItemSchema = listingSchema.extend({
  distance: z.enum(DISTANCE_BUCKETS),
});
export type ListingSearchItem = z.infer<typeof listingSearchItemSchema>;

export const listingSearchPageSchema = z.object({
  items: z.array(listingSearchItemSchema),
  nextCursor: z.string().nullable(),
});
export type ListingSearchPage = z.infer<typeof listingSearchPageSchema>;

export const mapPointSchema = z.object({
  id: z.string(),
  kind: z.enum(LISTING_KINDS),
  category: z.enum(LISTING_CATEGORIES),
  title: z.string(),
  approxLocation: latLngSchema,
});
export const mapClusterSchema = z.object({
  /** Centre of the cluster's members' public points. */
  location: latLngSchema,
  count: z.number().int(),
});
export const listingMapSchema = z.object({
  /** `points` when the viewport holds few listings, `clusters` otherwise. */
  mode: z.enum(['points', 'clusters']),
  points: z.array(mapPointSchema),
  clusters: z.array(mapClusterSchema),
  total: z.number().int(),
});
export type ListingMap = z.infer<typeof listingMapSchema>;
