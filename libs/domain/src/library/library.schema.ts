import { z } from 'zod';
import { listingSchema } from '../listings/listing.schema';
import { photoSchema } from '../photos/photo.schema';
import { cursorQuerySchema, pageLimitSchema } from '../shared/cursor';
import { fromQuery, latLngSchema, pageSchema } from '../shared/schemas';
import { minutesOf } from './opening-hours';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour clock');

/** One weekly slot, Europe/Paris wall-clock times. */
export const openingSlotSchema = z
  .strictObject({
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: z.number().int().min(1).max(7),
    opens: hhmm,
    closes: hhmm,
  })
  .refine((s) => minutesOf(s.opens) < minutesOf(s.closes), {
    path: ['closes'],
    message: 'Must be after the opening time',
  });

/** `PUT /organisations/:id/library`: the library's hours (stored in `library_settings`). */
export const librarySettingsSchema = z.strictObject({
  slots: z.array(openingSlotSchema).max(50),
  /** Local dates (`YYYY-MM-DD`) the library is closed (holidays…). */
  closures: z.array(z.iso.date()).max(366).default([]),
});
export type LibrarySettingsInput = z.infer<typeof librarySettingsSchema>;

/** A tool library: an organisation that lends items, its public place and its hours. */
export const libraryViewSchema = z.object({
  organisationId: z.uuid(),
  name: z.string(),
  kind: z.enum(['town_hall', 'shop', 'association']),
  municipality: z.string(),
  address: z.string(),
  /** Public: an organisation's place is not blurred (DESIGN.md §5). */
  location: latLngSchema,
  timeZone: z.literal('Europe/Paris'),
  slots: z.array(z.object({ weekday: z.number().int(), opens: z.string(), closes: z.string() })),
  closures: z.array(z.string()),
  itemCount: z.number().int(),
  /** Whether the caller may run its desk (town staff for a town hall, the organisation's admins). */
  canManage: z.boolean(),
});
export type LibraryView = z.infer<typeof libraryViewSchema>;
export const libraryListSchema = z.object({ items: z.array(libraryViewSchema) });

export const libraryItemsQuerySchema = z.strictObject({
  limit: fromQuery(pageLimitSchema.default(50)),
  cursor: fromQuery(cursorQuerySchema.optional()),
});
export type LibraryItemsQuery = z.infer<typeof libraryItemsQuerySchema>;

/** A catalogue item: the listing, whether it is out now, when it is next free, its waiting list. */
export const libraryItemSchema = listingSchema.extend({
  availableNow: z.boolean(),
  /** End of the current hold (loan plus buffer) when out now. */
  busyUntil: z.string().nullable(),
  waitlist: z.object({ size: z.number().int(), joined: z.boolean() }),
});
export type LibraryItem = z.infer<typeof libraryItemSchema>;
export const libraryItemsPageSchema = pageSchema(libraryItemSchema);

/** `POST /listings/:id/waitlist` → 201. */
export const waitlistEntrySchema = z.object({
  listingId: z.uuid(),
  joined: z.literal(true),
  position: z.number().int(),
  size: z.number().int(),
});
export type WaitlistEntry = z.infer<typeof waitlistEntrySchema>;

export const CONDITION_STAGES = ['checkout', 'checkin'] as const;
export type ConditionStage = (typeof CONDITION_STAGES)[number];

/**
 * Desk check-out / check-in: the item's condition in a few words; an optional photo goes in the
 * multipart field `photo` (the listing photo pipeline re-encodes it).
 */
export const conditionInputSchema = z.strictObject({
  note: z.string().trim().min(1).max(500),
});
export type ConditionInput = z.infer<typeof conditionInputSchema>;

export const conditionSchema = z.object({
  stage: z.enum(CONDITION_STAGES),
  note: z.string(),
  photo: photoSchema.nullable(),
  recordedAt: z.string(),
  recordedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
});
export type ConditionView = z.infer<typeof conditionSchema>;

export const deskQuerySchema = z.strictObject({
  /** Local date (Europe/Paris); today when absent. */
  date: z.iso.date().optional(),
});
export type DeskQuery = z.infer<typeof deskQuerySchema>;

export const deskEntrySchema = z.object({
  exchangeId: z.uuid(),
  listingId: z.uuid(),
  listingTitle: z.string(),
  status: z.string(),
  start: z.string(),
  end: z.string(),
  borrower: z.object({ id: z.uuid(), displayName: z.string(), assisted: z.boolean() }),
  depositNote: z.string().nullable(),
  conditions: z.array(conditionSchema),
  /** What the desk can do now: `checkout` (hand over) or `checkin` (take back). */
  nextActions: z.array(z.enum(CONDITION_STAGES)),
});
export type DeskEntry = z.infer<typeof deskEntrySchema>;

/** `GET /organisations/:id/desk?date=`: the day's pick-ups and returns, and what is overdue. */
export const deskDaySchema = z.object({
  organisationId: z.uuid(),
  date: z.string(),
  pickups: z.array(deskEntrySchema),
  returns: z.array(deskEntrySchema),
  overdue: z.array(deskEntrySchema),
});
export type DeskDay = z.infer<typeof deskDaySchema>;
