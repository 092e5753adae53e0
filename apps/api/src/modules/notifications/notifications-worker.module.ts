import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { MailModule } from '../../infra/mail/mail.module';
import { QueueName } from '../../infra/queues/queue-names';
import type { OutboxHandlerClass } from '../outbox/outbox-handlers';
import { OutboxModule } from '../outbox/outbox.module';
import { UsersModule } from '../users/users.module';
import { ExchangeNotificationsHandler } from './handlers/exchange-notifications.handler';
import { MessageNotificationsHandler } from './handlers/message-notifications.handler';
import { NotificationCreatedHandler } from './handlers/notification-created.handler';
import { ReviewNotificationsHandler } from './handlers/review-notifications.handler';
import { DigestSchedulerService } from './jobs/digest-scheduler.service';
import { DigestProcessor } from './jobs/digest.processor';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** The outbox handlers of this module, for the worker's `OUTBOX_HANDLERS`. */
export const NOTIFICATION_OUTBOX_HANDLERS = [
  ExchangeNotificationsHandler,
  MessageNotificationsHandler,
  NotificationCreatedHandler,
  ReviewNotificationsHandler,
] as const satisfies readonly OutboxHandlerClass[];

/**
 * Worker side: outbox events → notification rows; `notification.created` → push and instant
 * e-mail; the daily digest (queue, processor and schedule).
 */
@Module({
  imports: [
    OutboxModule,
    MailModule,
    UsersModule,
    BullModule.registerQueue({ name: QueueName.Digest }),
  ],
  providers: [
    NotificationsRepository,
    NotificationsService,
    ...NOTIFICATION_OUTBOX_HANDLERS,
    DigestProcessor,
    DigestSchedulerService,
  ],
  exports: [NotificationsService, ...NOTIFICATION_OUTBOX_HANDLERS],
})
export class NotificationsWorkerModule {}
