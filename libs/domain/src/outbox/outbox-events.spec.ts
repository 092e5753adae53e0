import { EXCHANGE_STATUSES } from '../exchanges/exchange';
import {
  OUTBOX_EVENTS,
  OUTBOX_EVENT_TYPES,
  type ExchangeEventType,
  type OutboxEventType,
  type OutboxPayloadInput,
  OutboxPayloadError,
  type OutboxSubscription,
  OutboxWiringError,
  assertOutboxWiring,
  exchangeEventType,
  exchangeStatusOfEvent,
  isOutboxEventType,
  outboxWiringProblems,
  parseOutboxPayload,
  readOutboxEvent,
} from './outbox-events';

const A = '0b5f1c9e-3a3b-4c8e-9d57-2f4a7b1c0d11';
const B = '1c6a2d0f-4b4c-4d9f-8e68-3a5b8c2d1e22';

/** A valid payload of every registered type, so each schema is exercised both ways. */
const VALID: { [T in OutboxEventType]: OutboxPayloadInput<T> } = {
  ...(Object.fromEntries(
    EXCHANGE_STATUSES.map((s) => [
      exchangeEventType(s),
      { exchangeId: A, actorId: B, previousStatus: 'requested' },
    ]),
  ) as { [T in ExchangeEventType]: OutboxPayloadInput<T> }),
  'exchange.reminder': { exchangeId: A, type: 'pickup', actorId: null },
  'exchange.rescheduled': { exchangeId: A, actorId: B, stage: 'proposed' },
  'listing.created': { listingId: A, ownerId: B },
  'listing.updated': { listingId: A, ownerId: B },
  'listing.removed': { listingId: A, ownerId: B },
  'message.posted': { messageId: A, conversationId: B, authorId: A, recipientIds: [B] },
  'notification.created': { notificationId: A },
  'post.alert': { postId: A },
  'post.push': { deliveryId: B },
  'review.revealed': { exchangeId: A, reviewIds: [B] },
  'review.reminder': { exchangeId: A, recipientIds: [B] },
};

/** Registrations that handle exactly what the registry asks to be handled. */
const sound = (): OutboxSubscription[] =>
  OUTBOX_EVENT_TYPES.filter((t) => !hasNote(t)).map((type) => ({
    type,
    handler: 'TestHandler',
  }));
const hasNote = (t: OutboxEventType) =>
  (OUTBOX_EVENTS[t] as { handlerless?: string }).handlerless !== undefined;

describe('outbox event registry', () => {
  it('should register one event per exchange status, and name the status it announces', () => {
    for (const status of EXCHANGE_STATUSES) {
      const type = exchangeEventType(status);
      expect(isOutboxEventType(type)).toBe(true);
      expect(exchangeStatusOfEvent(type)).toBe(status);
    }
  });

  it('should list every type once, in a stable order', () => {
    expect(OUTBOX_EVENT_TYPES).toEqual([...new Set(OUTBOX_EVENT_TYPES)].sort());
    expect(OUTBOX_EVENT_TYPES).toHaveLength(EXCHANGE_STATUSES.length + 11);
  });

  it('should keep type names within the 60 characters of outbox_events.type', () => {
    for (const type of OUTBOX_EVENT_TYPES) expect(type.length).toBeLessThanOrEqual(60);
  });

  it('should give a reason for every handler-less type', () => {
    const notes = OUTBOX_EVENT_TYPES.filter(hasNote);
    expect(notes).toEqual(['listing.removed', 'listing.updated']);
    for (const t of notes) {
      expect((OUTBOX_EVENTS[t] as { handlerless: string }).handlerless.length).toBeGreaterThan(10);
    }
  });

  it.each(OUTBOX_EVENT_TYPES)('should accept a valid %s payload', (type) => {
    expect(parseOutboxPayload(type, VALID[type])).toEqual(VALID[type]);
  });

  it.each(OUTBOX_EVENT_TYPES)(
    'should refuse a %s payload with a field of the wrong type',
    (type) => {
      const [field] = Object.keys(VALID[type]);
      const wrong = { ...VALID[type], [field!]: 42 };
      expect(() => parseOutboxPayload(type, wrong)).toThrow(OutboxPayloadError);
      expect(() => parseOutboxPayload(type, wrong)).toThrow(field);
    },
  );

  it.each(OUTBOX_EVENT_TYPES)('should refuse an empty %s payload', (type) => {
    expect(() => parseOutboxPayload(type, {})).toThrow(
      `invalid payload for outbox event "${type}"`,
    );
  });

  it.each<[string, unknown]>([
    ['a payload that is not an object', 'listing'],
    ['a null payload', null],
    ['an id that is not a uuid', { listingId: 'not-a-uuid', ownerId: B }],
    ['a missing owner', { listingId: A }],
  ])('should refuse %s', (_name, payload) => {
    expect(() => parseOutboxPayload('listing.created', payload)).toThrow(OutboxPayloadError);
  });

  it.each<[string, OutboxEventType, unknown]>([
    [
      'an unknown decline reason',
      'exchange.declined',
      { ...VALID['exchange.declined'], reason: 'x' },
    ],
    [
      'an unknown previous status',
      'exchange.accepted',
      { ...VALID['exchange.accepted'], previousStatus: 'lost' },
    ],
    [
      'a reminder type the timer does not notify',
      'exchange.reminder',
      { ...VALID['exchange.reminder'], type: 'expire' },
    ],
    [
      'a reminder with a human actor',
      'exchange.reminder',
      { ...VALID['exchange.reminder'], actorId: B },
    ],
    [
      'too many message recipients',
      'message.posted',
      { ...VALID['message.posted'], recipientIds: Array(51).fill(B) },
    ],
  ])('should refuse %s', (_name, type, payload) => {
    expect(() => parseOutboxPayload(type, payload)).toThrow(OutboxPayloadError);
  });

  it('should keep an optional field when given and drop unknown keys', () => {
    expect(
      parseOutboxPayload('exchange.declined', {
        ...VALID['exchange.declined'],
        reason: 'taken',
        extra: 'dropped',
      }),
    ).toEqual({ ...VALID['exchange.declined'], reason: 'taken' });
  });

  it('should refuse an unknown type', () => {
    expect(() => parseOutboxPayload('listing.craeted', VALID['listing.created'])).toThrow(
      'unknown outbox event type "listing.craeted"',
    );
    expect(isOutboxEventType('listing.craeted')).toBe(false);
    expect(isOutboxEventType('toString')).toBe(false);
  });

  it('should read a stored row as a typed event', () => {
    const event = readOutboxEvent({
      id: '7',
      type: 'listing.created',
      payload: VALID['listing.created'],
    });
    expect(event).toEqual({ id: '7', type: 'listing.created', payload: VALID['listing.created'] });
    expect(() => readOutboxEvent({ id: '8', type: 'listing.created', payload: {} })).toThrow(
      OutboxPayloadError,
    );
  });
});

describe(outboxWiringProblems.name, () => {
  it('should find nothing wrong when every type is handled or declared handler-less', () => {
    expect(outboxWiringProblems(sound())).toEqual([]);
    expect(() => assertOutboxWiring(sound())).not.toThrow();
  });

  it('should accept several handlers for one type', () => {
    expect(
      outboxWiringProblems([...sound(), { type: 'listing.created', handler: 'OtherHandler' }]),
    ).toEqual([]);
  });

  it.each<[string, (subs: OutboxSubscription[]) => OutboxSubscription[], string[]]>([
    [
      'a registered type without a handler',
      (subs) => subs.filter((s) => s.type !== 'message.posted'),
      ['outbox event "message.posted" has no handler'],
    ],
    [
      'a handler for an unknown type (a typo)',
      (subs) => [...subs, { type: 'listing.craeted', handler: 'AlertsHandler' }],
      ['AlertsHandler handle(s) "listing.craeted", which is not an outbox event type'],
    ],
    [
      'a handler for a type declared handler-less',
      (subs) => [...subs, { type: 'listing.updated', handler: 'IndexHandler' }],
      ['outbox event "listing.updated" is declared handler-less but IndexHandler handle(s) it'],
    ],
    [
      'a handler registered twice for one type',
      (subs) => [...subs, { type: 'notification.created', handler: 'TestHandler' }],
      ['TestHandler is registered twice for outbox event "notification.created"'],
    ],
    [
      'no handler at all',
      () => [],
      OUTBOX_EVENT_TYPES.filter((t) => !hasNote(t)).map(
        (t) => `outbox event "${t}" has no handler`,
      ),
    ],
  ])('should report %s', (_name, change, expected) => {
    const problems = outboxWiringProblems(change(sound()));
    expect(problems).toHaveLength(expected.length);
    expected.forEach((start, i) => expect(problems[i]).toContain(start));
    expect(() => assertOutboxWiring(change(sound()))).toThrow(OutboxWiringError);
  });

  it('should list every problem in the boot error', () => {
    const subs = [
      ...sound().filter((s) => s.type !== 'exchange.reminder'),
      { type: 'exchange.remind', handler: 'ExchangeNotificationsHandler' },
    ];
    expect(() => assertOutboxWiring(subs)).toThrow(
      /Outbox wiring is broken:\n {2}- ExchangeNotificationsHandler handle\(s\) "exchange\.remind".*\n {2}- outbox event "exchange\.reminder" has no handler/,
    );
  });
});
