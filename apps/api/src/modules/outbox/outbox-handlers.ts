import type { OutboxEvent, OutboxEventType, OutboxSubscription } from '@partagora/domain';
import type { EntityManager } from 'typeorm';

/**
 * Reacts to outbox events of the types `T`, in the transaction that marks the row processed
 * (so a handler's writes and the row's "processed" commit together). The event's payload has
 * already been parsed with its registry schema. Feature modules provide handlers; the outbox
 * only dispatches to them.
 */
export interface OutboxHandler<T extends OutboxEventType = OutboxEventType> {
  // A property, not a method, so a handler typed for other events fails to compile.
  handle: (event: OutboxEvent<T>, manager: EntityManager) => Promise<void>;
}

/**
 * A handler class. `handles` is static so the API, which runs no handler, can check the wiring
 * at boot from the classes alone; the worker dispatches by the same list.
 */
export interface OutboxHandlerClass {
  readonly name: string;
  readonly handles: readonly OutboxEventType[];
  new (...args: never[]): OutboxHandler<never>;
}

/** Every module's handler instances, in one list, for the worker's outbox processor. */
export const OUTBOX_HANDLERS = Symbol('OUTBOX_HANDLERS');

/** The types each handler class declares, for `assertOutboxWiring`. */
export function subscriptionsOf(classes: readonly OutboxHandlerClass[]): OutboxSubscription[] {
  return classes.flatMap((c) => (c.handles ?? []).map((type) => ({ type, handler: c.name })));
}

/** The class of a handler instance, as the worker received it. */
export const handlerClassOf = (handler: OutboxHandler<never>) =>
  handler.constructor as OutboxHandlerClass;
