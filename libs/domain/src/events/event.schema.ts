import { z } from 'zod';
import { imageRefSchema } from '../organisations/organisation.schema';
import { cursorQuerySchema, pageLimitSchema } from '../shared/cursor';
import { fromQuery, latLngSchema, pageSchema } from '../shared/schemas';
import { EVENT_LIMITS, RSVP_STATUSES } from './rsvp-rules';

const trimmed = (min: number, max: number) => z.string().trim().min(min).max(max);
const instant = z.iso.datetime({ offset: true });

/** Where an event takes place: public (an event is a public gathering). */
export const eventPlaceSchema = z.strictObject({
  name: trimmed(2, 120),
  address: trimmed(5, 300),
  location: latLngSchema,
});
export type EventPlace = z.infer<typeof eventPlaceSchema>;

const endsAfterStart = (v: { startsAt?: string; endsAt?: string }) =>
  v.startsAt === undefined ||
  v.endsAt === undefined ||
  new Date(v.endsAt).getTime() > new Date(v.startsAt).getTime();

/** `POST /municipalities/:slug/events` (DESIGN.md §4.1 "Events"). */
export const createEventSchema = z
  .strictObject({
    title: trimmed(3, EVENT_LIMITS.titleMax),
    description: z.string().trim().max(EVENT_LIMITS.descriptionMax).default(''),
    startsAt: instant,
    endsAt: instant,
    place: eventPlaceSchema,
    capacity: z.number().int().min(1).max(EVENT_LIMITS.capacityMax).nullable().optional(),
    /** The organiser: the town hall when absent (staff), or a verified organisation's id. */
    organisationId: z.uuid().optional(),
  })
  .refine(endsAfterStart, { message: 'endsAt must be after startsAt', path: ['endsAt'] });
export type CreateEventInput = z.infer<typeof createEventSchema>;

/** `PATCH /events/:id` (organisers). The capacity is set at creation. */
export const updateEventSchema = z
  .strictObject({
    title: trimmed(3, EVENT_LIMITS.titleMax),
    description: z.string().trim().max(EVENT_LIMITS.descriptionMax),
    startsAt: instant,
    endsAt: instant,
    place: eventPlaceSchema,
  })
  .partial()
  .refine(endsAfterStart, { message: 'endsAt must be after startsAt', path: ['endsAt'] });
export type UpdateEventInput = z.infer<typeof updateEventSchema>;

export const rsvpResultSchema = z.object({
  status: z.enum(RSVP_STATUSES),
  /** 1 for the first in the waiting list; null when going. */
  position: z.number().int().nullable(),
});
export type RsvpResult = z.infer<typeof rsvpResultSchema>;

export const eventSchema = z.object({
  id: z.uuid(),
  municipality: z.object({ slug: z.string(), name: z.string() }),
  title: z.string(),
  description: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.object({ name: z.string(), address: z.string(), location: latLngSchema }),
  /** Null: no limit. */
  capacity: z.number().int().nullable(),
  going: z.number().int(),
  waiting: z.number().int(),
  organiser: z.object({ type: z.literal('organisation'), id: z.uuid(), name: z.string() }),
  image: imageRefSchema.nullable(),
  cancelledAt: z.string().nullable(),
  /** Set when the event belongs to another partner town within 15 km (agenda lists only). */
  partner: z.object({ slug: z.string(), name: z.string() }).nullable(),
  /** The caller's answer, when signed in and answered. */
  myRsvp: rsvpResultSchema.nullable().optional(),
  /** Whether the caller may edit it, cancel it and read its attendees. */
  canManage: z.boolean().optional(),
  /** Absolute path of its iCal file. */
  icsUrl: z.string(),
});
export type EventView = z.infer<typeof eventSchema>;
export const eventPageSchema = pageSchema(eventSchema);
export type EventPage = z.infer<typeof eventPageSchema>;

/** `GET /municipalities/:slug/events?from&to`: upcoming first, from now by default. */
export const eventListQuerySchema = z.strictObject({
  from: instant.optional(),
  to: instant.optional(),
  /** Only this organisation's events (organisation pages); partner towns' are then left out. */
  organisationId: z.uuid().optional(),
  limit: fromQuery(pageLimitSchema.default(20)),
  cursor: fromQuery(cursorQuerySchema.optional()),
});
export type EventListQuery = z.infer<typeof eventListQuerySchema>;

export const attendeeSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  status: z.enum(RSVP_STATUSES),
  position: z.number().int().nullable(),
  answeredAt: z.string(),
});
export type Attendee = z.infer<typeof attendeeSchema>;
export const attendeePageSchema = pageSchema(attendeeSchema);

export const attendeeListQuerySchema = z.strictObject({
  limit: fromQuery(pageLimitSchema.default(100)),
  cursor: fromQuery(cursorQuerySchema.optional()),
});
export type AttendeeListQuery = z.infer<typeof attendeeListQuerySchema>;
