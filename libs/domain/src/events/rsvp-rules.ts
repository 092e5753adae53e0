import { DomainError } from '../shared/domain-error';

export const RSVP_STATUSES = ['going', 'waiting'] as const;
export type RsvpStatus = (typeof RSVP_STATUSES)[number];

export const EVENT_LIMITS = {
  titleMax: 150,
  descriptionMax: 5000,
  capacityMax: 100_000,
  /** Partner towns' events whose place is within this of the town's centre show in its agenda. */
  partnerRadiusM: 15_000,
} as const;

/** The reminder goes this long before the start ("the day before"). */
export const EVENT_REMINDER_LEAD_MS = 24 * 3_600_000;
/** Reminders are scheduled this far ahead; a later sweep schedules the rest. */
export const EVENT_REMINDER_HORIZON_MS = 48 * 3_600_000;

/** What the RSVP rules read about an event, under its row lock. */
export interface RsvpSubject {
  capacity: number | null;
  going: number;
  startsAt: Date;
  cancelledAt: Date | null;
}

/** An answer is possible until the event starts, and never on a cancelled one (409). */
export function assertRsvpOpen(e: RsvpSubject, now: Date): void {
  if (e.cancelledAt) throw new DomainError('EVENT_CLOSED', 'This event was cancelled');
  if (e.startsAt.getTime() <= now.getTime()) {
    throw new DomainError('EVENT_CLOSED', 'This event has already started');
  }
}

/**
 * The status of a new RSVP, decided under the event's row lock: `going` while places remain
 * (or without a limit), `waiting` once `going` reached `capacity`.
 */
export function rsvpStatusFor(e: RsvpSubject, now: Date): RsvpStatus {
  assertRsvpOpen(e, now);
  return e.capacity === null || e.going < e.capacity ? 'going' : 'waiting';
}

/**
 * Whether a cancellation by a member whose answer was `cancelled` frees a place for the first of
 * the waiting list: only a `going` answer frees one, and only before the event (a place freed
 * after the start or on a cancelled event promotes nobody).
 */
export function promotesOnCancel(
  e: Pick<RsvpSubject, 'startsAt' | 'cancelledAt' | 'capacity'>,
  cancelled: RsvpStatus,
  now: Date,
): boolean {
  return (
    cancelled === 'going' &&
    e.capacity !== null &&
    e.cancelledAt === null &&
    e.startsAt.getTime() > now.getTime()
  );
}

/** What the reminder rules read about one going member's answer. */
export interface EventReminderSubject {
  status: RsvpStatus;
  startsAt: Date;
  cancelledAt: Date | null;
  /** When this member was reminded of this start, null if not yet. */
  remindedAt: Date | null;
}

/** The moment of the day-before reminder of an event starting at `startsAt`. */
export const eventReminderDueAt = (startsAt: Date): Date =>
  new Date(startsAt.getTime() - EVENT_REMINDER_LEAD_MS);

/**
 * Whether the reminder is still to be sent at `now`: a going member, not yet reminded, of an
 * event neither cancelled nor started. A member who joins later than the day before (or is
 * promoted then) is reminded at once.
 */
export function eventReminderPending(s: EventReminderSubject, now: Date): boolean {
  return (
    s.status === 'going' &&
    s.remindedAt === null &&
    s.cancelledAt === null &&
    s.startsAt.getTime() > now.getTime()
  );
}
