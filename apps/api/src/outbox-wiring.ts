import { assertOutboxWiring } from '@partagora/domain';
import { ALERT_OUTBOX_HANDLERS } from './modules/alerts/alerts-worker.module';
import { NOTIFICATION_OUTBOX_HANDLERS } from './modules/notifications/notifications-worker.module';
import { POST_OUTBOX_HANDLERS } from './modules/posts/posts-worker.module';
import { type OutboxHandlerClass, subscriptionsOf } from './modules/outbox/outbox-handlers';

/**
 * Every outbox handler class, one list per feature module: the worker injects exactly these into
 * its outbox processor, and the API checks them at boot without running any.
 */
export const OUTBOX_HANDLER_CLASSES: readonly OutboxHandlerClass[] = [
  ...NOTIFICATION_OUTBOX_HANDLERS,
  ...ALERT_OUTBOX_HANDLERS,
  ...POST_OUTBOX_HANDLERS,
];

/**
 * The boot check (both processes): every registered outbox event type has a handler or is
 * declared handler-less, and no handler listens for an unknown type. Throws `OutboxWiringError`
 * listing each problem, so a typo stops the boot instead of dropping events in production.
 */
export function checkOutboxWiring(classes: readonly OutboxHandlerClass[] = OUTBOX_HANDLER_CLASSES) {
  assertOutboxWiring(subscriptionsOf(classes));
}
