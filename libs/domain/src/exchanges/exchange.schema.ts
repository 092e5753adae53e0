import { z } from 'zod';
import { cursorQuerySchema, pageLimitSchema } from '../shared/cursor';
import { latLngSchema } from '../shared/schemas';
import { EXCHANGE_KINDS, EXCHANGE_STATUSES } from './exchange';

export const MESSAGE_MAX = 2000;

/** `POST /listings/:id/exchanges`. */
export const createExchangeSchema = z
  .strictObject({
    /** ISO date-times, loans only. */
    start: z.iso.datetime({ offset: true }).optional(),
    end: z.iso.datetime({ offset: true }).optional(),
    /** First message of the conversation. */
    message: z.string().trim().min(1).max(MESSAGE_MAX).optional(),
    /** Swap or answer: one of my own listings. */
    offeredListingId: z.uuid().optional(),
    /** Swap: a described item instead of a listing. */
    offeredItem: z.string().trim().min(3).max(300).optional(),
  })
  .refine((v) => (v.start === undefined) === (v.end === undefined), {
    path: ['end'],
    message: 'start and end go together',
  });
export type CreateExchangeInput = z.infer<typeof createExchangeSchema>;

export const exchangeRoleQuerySchema = z.strictObject({
  role: z.enum(['owner', 'requester']).optional(),
  status: z.enum(EXCHANGE_STATUSES).optional(),
  cursor: cursorQuerySchema.optional(),
  limit: pageLimitSchema.optional(),
});
export type ExchangeRoleQuery = z.infer<typeof exchangeRoleQuerySchema>;

export const availabilityQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
});

export const exchangeSchema = z.object({
  id: z.string(),
  kind: z.enum(EXCHANGE_KINDS),
  status: z.enum(EXCHANGE_STATUSES),
  listingId: z.string(),
  listingTitle: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  /** A tool-library loan: the organisation lending the item (its staff act as the owner). */
  ownerOrganisationId: z.string().nullable(),
  requesterId: z.string(),
  requesterName: z.string(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  conversationId: z.string(),
  /** Approximate until accepted, exact while the exchange holds the item; parties only. */
  meetingPoint: latLngSchema,
  meetingPointExact: z.boolean(),
  /**
   * The street address of the exact meeting point (reverse geocoded from the town's address
   * base): present only while `meetingPointExact` is true, so never before acceptance nor to
   * anyone but the two parties; null when no address lies near.
   */
  meetingAddress: z.string().nullable().optional(),
  /** A loan's new dates proposed by one party, waiting for the other's acceptance. */
  reschedule: z
    .object({ start: z.string(), end: z.string(), proposedBy: z.enum(['owner', 'requester']) })
    .nullable()
    .optional(),
  offeredListingId: z.string().nullable(),
  offeredItem: z.string().nullable(),
  /** What the viewer may do next, in order of likelihood. */
  nextActions: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ExchangeView = z.infer<typeof exchangeSchema>;

export const availabilitySchema = z.object({
  listingId: z.string(),
  maxDays: z.number().int(),
  bufferHours: z.number().int(),
  /** Spans already promised (loan period plus buffer), sorted; nothing says to whom. */
  busy: z.array(z.object({ start: z.string(), end: z.string() })),
});
export type Availability = z.infer<typeof availabilitySchema>;

/** `POST /exchanges/:id/reschedule`: new dates for an accepted loan, for the other party to accept. */
export const rescheduleSchema = z.strictObject({
  start: z.iso.datetime({ offset: true }),
  end: z.iso.datetime({ offset: true }),
});
export type RescheduleInput = z.infer<typeof rescheduleSchema>;
