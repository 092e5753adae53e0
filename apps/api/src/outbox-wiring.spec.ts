import { type OutboxEvent, OutboxWiringError } from '@partagora/domain';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from './config/app-config';
import { ListingMatchesHandler } from './modules/alerts/listing-matches.handler';
import { MessageNotificationsHandler } from './modules/notifications/handlers/message-notifications.handler';
import type { OutboxHandler, OutboxHandlerClass } from './modules/outbox/outbox-handlers';
import { OutboxProcessor } from './modules/outbox/outbox.processor';
import type { OutboxRepository } from './modules/outbox/outbox.repository';
import { OUTBOX_HANDLER_CLASSES, checkOutboxWiring } from './outbox-wiring';

/** A handler class of the test, listening for `handles` (typed loosely: typos on purpose). */
function handlerClass(name: string, handles: readonly string[]): OutboxHandlerClass {
  const cls = class {
    static readonly handles = handles;
    handle = () => Promise.resolve();
  };
  Object.defineProperty(cls, 'name', { value: name });
  return cls as unknown as OutboxHandlerClass;
}

const instances = (classes: readonly OutboxHandlerClass[]) =>
  classes.map((C) => new (C as unknown as new () => OutboxHandler<never>)());

const config = { outboxMaxAttempts: 10 } as AppConfig;
const repo = {} as OutboxRepository;

describe(checkOutboxWiring.name, () => {
  it('should accept the real handlers: every registered event is handled or declared handler-less', () => {
    expect(() => checkOutboxWiring()).not.toThrow();
  });

  it('should reject the boot when a registered event has no handler', () => {
    const withoutMessages = OUTBOX_HANDLER_CLASSES.filter((c) => c !== MessageNotificationsHandler);
    expect(() => checkOutboxWiring(withoutMessages)).toThrow(OutboxWiringError);
    expect(() => checkOutboxWiring(withoutMessages)).toThrow(
      'outbox event "message.posted" has no handler',
    );
  });

  it('should reject the boot when a handler listens for an unknown event', () => {
    const typo = handlerClass('TypoHandler', ['listing.craeted']);
    expect(() => checkOutboxWiring([...OUTBOX_HANDLER_CLASSES, typo])).toThrow(
      'TypoHandler handle(s) "listing.craeted", which is not an outbox event type',
    );
  });

  it('should reject a handler for an event declared handler-less', () => {
    const index = handlerClass('SearchIndexHandler', ['listing.updated']);
    expect(() => checkOutboxWiring([...OUTBOX_HANDLER_CLASSES, index])).toThrow(
      'declared handler-less but SearchIndexHandler handle(s) it',
    );
  });

  it('should only accept a handler typed for the events it declares (checked by `npm run typecheck`)', () => {
    class Mistyped implements OutboxHandler<'listing.created'> {
      static readonly handles = ['listing.created'] as const;
      // @ts-expect-error: handles message.posted payloads, not listing.created ones
      handle(_event: OutboxEvent<'message.posted'>, _manager: EntityManager): Promise<void> {
        return Promise.resolve();
      }
    }
    expect(Mistyped.handles).toEqual(ListingMatchesHandler.handles);
  });
});

describe(OutboxProcessor.name, () => {
  it('should start with the real handler classes', () => {
    expect(
      () => new OutboxProcessor(repo, instances(OUTBOX_HANDLER_CLASSES), config),
    ).not.toThrow();
  });

  it('should refuse to start when a registered event has no handler', () => {
    const partial = instances(OUTBOX_HANDLER_CLASSES.filter((c) => c !== ListingMatchesHandler));
    expect(() => new OutboxProcessor(repo, partial, config)).toThrow(
      'outbox event "listing.created" has no handler',
    );
  });

  it('should refuse to start when a handler listens for an unknown event', () => {
    const typo = handlerClass('TypoHandler', ['message.postd']);
    expect(
      () => new OutboxProcessor(repo, instances([...OUTBOX_HANDLER_CLASSES, typo]), config),
    ).toThrow('TypoHandler handle(s) "message.postd"');
  });
});
