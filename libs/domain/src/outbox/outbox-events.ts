import { z } from 'zod';
import { EXCHANGE_STATUSES, type ExchangeStatus } from '../exchanges/exchange';

/**
 * The outbox events (DESIGN.md §6): every fact the API announces, with the schema of its payload.
 * A row is written only through a type listed here, its payload validated against the schema
 * (and typed by it at compile time); handlers get the payload parsed by the same schema. At boot,
 * the API and the worker check that every type here has a handler or says why it has none
 * (`handlerless`), and that no handler listens for a type that is not here.
 *
 * Payloads carry ids only (never coordinates, addresses or message bodies): they are kept in the
 * database and in Redis, and shown in logs when delivery fails.
 */
export interface OutboxEventSpec<S extends z.ZodType = z.ZodType> {
  readonly payload: S;
  /** Why nothing reacts to this event yet; absent when at least one handler must exist. */
  readonly handlerless?: string;
}

/** Outbox event type announcing that an exchange reached `status`. */
export type ExchangeEventType = `exchange.${ExchangeStatus}`;

export const exchangeEventType = <S extends ExchangeStatus>(status: S): `exchange.${S}` =>
  `exchange.${status}`;

/** The status an `exchange.<status>` event announces. */
export function exchangeStatusOfEvent(type: ExchangeEventType): ExchangeStatus {
  return type.slice('exchange.'.length) as ExchangeStatus;
}

const exchangeStepPayload = z.object({
  exchangeId: z.uuid(),
  /** Who took the step; null for the system (timers). */
  actorId: z.uuid().nullable(),
  previousStatus: z.enum(EXCHANGE_STATUSES).nullable(),
  /** Set on requests declined because another neighbour got the item. */
  reason: z.literal('taken').optional(),
});

const exchangeSteps = Object.fromEntries(
  EXCHANGE_STATUSES.map((status) => [exchangeEventType(status), { payload: exchangeStepPayload }]),
) as { readonly [T in ExchangeEventType]: { readonly payload: typeof exchangeStepPayload } };

const listingPayload = z.object({ listingId: z.uuid(), ownerId: z.uuid() });

export const OUTBOX_EVENTS = {
  ...exchangeSteps,
  /** Written by the reminders timer (actor: the system, so both parties hear of it). */
  'exchange.reminder': {
    payload: z.object({
      exchangeId: z.uuid(),
      type: z.enum(['pickup', 'return_due']),
      actorId: z.null(),
    }),
  },
  /** New dates of an agreed loan: proposed by one party, then accepted by the other. */
  'exchange.rescheduled': {
    payload: z.object({
      exchangeId: z.uuid(),
      actorId: z.uuid(),
      stage: z.enum(['proposed', 'accepted']),
    }),
  },
  'listing.created': { payload: listingPayload },
  'listing.updated': {
    payload: listingPayload,
    handlerless:
      'search reads the listings table directly; kept for consumers to come (moderation, digests)',
  },
  'listing.removed': {
    payload: listingPayload,
    handlerless:
      'a removed listing drops out of search at once; alerts re-read the listing before notifying',
  },
  /** Written with the message, in its transaction; recipients are the other participants. */
  'message.posted': {
    payload: z.object({
      messageId: z.uuid(),
      conversationId: z.uuid(),
      authorId: z.uuid(),
      recipientIds: z.array(z.uuid()).max(50),
    }),
  },
  /** The reviews of an exchange became visible (both in, or the 14-day deadline). */
  'review.revealed': {
    payload: z.object({
      exchangeId: z.uuid(),
      /** The revealed reviews, each to be announced to its subject. */
      reviewIds: z.array(z.uuid()).min(1).max(2),
    }),
  },
  /** The "leave a review" reminder fired; recipients are the parties who have not reviewed. */
  'review.reminder': {
    payload: z.object({
      exchangeId: z.uuid(),
      recipientIds: z.array(z.uuid()).min(1).max(2),
    }),
  },
  /**
   * A town post of kind alert became published (at once, or at its scheduled time): fanned out
   * to the town's members and push subscriptions. Written in the transaction that marks it sent.
   */
  'post.alert': { payload: z.object({ postId: z.uuid() }) },
  /** One Web Push delivery of an alert to send (a row of `post_deliveries`). */
  'post.push': { payload: z.object({ deliveryId: z.uuid() }) },
  /** One per notification row with something to push or e-mail now. */
  'notification.created': { payload: z.object({ notificationId: z.uuid() }) },
} as const satisfies Record<string, OutboxEventSpec>;

export type OutboxEventType = keyof typeof OUTBOX_EVENTS;

/** Every registered type, in a stable order. */
export const OUTBOX_EVENT_TYPES = Object.keys(OUTBOX_EVENTS).sort() as OutboxEventType[];

/** What a producer passes for an event of type `T`. */
export type OutboxPayloadInput<T extends OutboxEventType> = z.input<
  (typeof OUTBOX_EVENTS)[T]['payload']
>;
/** What a handler receives for an event of type `T`. */
export type OutboxPayload<T extends OutboxEventType> = z.output<
  (typeof OUTBOX_EVENTS)[T]['payload']
>;

/** A delivered event; for a union of types, a union discriminated by `type`. */
export type OutboxEvent<T extends OutboxEventType = OutboxEventType> = {
  [K in T]: { readonly id: string; readonly type: K; readonly payload: OutboxPayload<K> };
}[T];

export function isOutboxEventType(type: string): type is OutboxEventType {
  return Object.hasOwn(OUTBOX_EVENTS, type);
}

/** A payload that does not fit its type's schema, or a type that is not registered. */
export class OutboxPayloadError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = 'OutboxPayloadError';
  }
}

function specOf(type: string): OutboxEventSpec {
  if (!isOutboxEventType(type)) {
    throw new OutboxPayloadError(type, `unknown outbox event type "${type}"`);
  }
  return OUTBOX_EVENTS[type];
}

/**
 * The payload of an event of `type`, as its schema parses it (unknown keys dropped). Throws an
 * `OutboxPayloadError` naming the type and the paths at fault.
 */
export function parseOutboxPayload<T extends OutboxEventType>(
  type: T,
  payload: unknown,
): OutboxPayload<T>;
export function parseOutboxPayload(type: string, payload: unknown): unknown;
export function parseOutboxPayload(type: string, payload: unknown): unknown {
  const parsed = specOf(type).payload.safeParse(payload);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues
    .map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`)
    .join('; ');
  throw new OutboxPayloadError(type, `invalid payload for outbox event "${type}": ${issues}`);
}

/** A stored row read back as a typed event; throws an `OutboxPayloadError` if it cannot be. */
export function readOutboxEvent(row: { id: string; type: string; payload: unknown }): OutboxEvent {
  return {
    id: row.id,
    type: row.type,
    payload: parseOutboxPayload(row.type, row.payload),
  } as OutboxEvent;
}

/** One handler registered for one type (`handler` names it in messages). */
export interface OutboxSubscription {
  readonly type: string;
  readonly handler: string;
}

/**
 * What is wrong with a set of handler registrations against the registry, one sentence each:
 * a registered type nobody handles (and not declared handler-less), a handler for an unknown
 * type (a typo would otherwise be "delivered to 0 handlers" forever), a type declared
 * handler-less that is handled after all, and a handler registered twice for one type.
 * Empty when the wiring is sound.
 */
export function outboxWiringProblems(subscriptions: readonly OutboxSubscription[]): string[] {
  const problems: string[] = [];
  const byType = new Map<string, string[]>();
  for (const { type, handler } of subscriptions) {
    const handlers = byType.get(type) ?? [];
    if (handlers.includes(handler)) {
      problems.push(`${handler} is registered twice for outbox event "${type}"`);
    }
    byType.set(type, [...handlers, handler]);
  }
  for (const [type, handlers] of byType) {
    if (!isOutboxEventType(type)) {
      problems.push(
        `${handlers.join(', ')} handle(s) "${type}", which is not an outbox event type: ` +
          `register it in OUTBOX_EVENTS (libs/domain/src/outbox/outbox-events.ts) or fix the name`,
      );
    }
  }
  for (const type of OUTBOX_EVENT_TYPES) {
    const spec: OutboxEventSpec = OUTBOX_EVENTS[type];
    const handlers = byType.get(type) ?? [];
    if (handlers.length === 0 && spec.handlerless === undefined) {
      problems.push(
        `outbox event "${type}" has no handler: register one, or declare it handler-less ` +
          `(with the reason) in OUTBOX_EVENTS`,
      );
    }
    if (handlers.length > 0 && spec.handlerless !== undefined) {
      problems.push(
        `outbox event "${type}" is declared handler-less but ${handlers.join(', ')} handle(s) it: ` +
          `remove its handlerless note`,
      );
    }
  }
  return problems;
}

/** The outbox wiring does not match the registry; the process must not start. */
export class OutboxWiringError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Outbox wiring is broken:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'OutboxWiringError';
  }
}

/** Throws an `OutboxWiringError` listing every problem `outboxWiringProblems` finds. */
export function assertOutboxWiring(subscriptions: readonly OutboxSubscription[]): void {
  const problems = outboxWiringProblems(subscriptions);
  if (problems.length > 0) throw new OutboxWiringError(problems);
}
