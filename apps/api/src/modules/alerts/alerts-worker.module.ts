import { Module } from '@nestjs/common';
import type { OutboxHandlerClass } from '../outbox/outbox-handlers';
import { NotificationsWorkerModule } from '../notifications/notifications-worker.module';
import { AlertsRepository } from './alerts.repository';
import { ListingMatchesHandler } from './listing-matches.handler';

/** The outbox handlers of this module, for the worker's `OUTBOX_HANDLERS`. */
export const ALERT_OUTBOX_HANDLERS = [
  ListingMatchesHandler,
] as const satisfies readonly OutboxHandlerClass[];

/** Worker side: new listings matched against saved searches and wanted posts. */
@Module({
  imports: [NotificationsWorkerModule],
  providers: [AlertsRepository, ...ALERT_OUTBOX_HANDLERS],
  exports: [...ALERT_OUTBOX_HANDLERS],
})
export class AlertsWorkerModule {}
