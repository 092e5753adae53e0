import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { QueueName } from '../../infra/queues/queue-names';
import { NotificationsWorkerModule } from '../notifications/notifications-worker.module';
import type { OutboxHandlerClass } from '../outbox/outbox-handlers';
import { OutboxModule } from '../outbox/outbox.module';
import { EventNotificationsHandler } from './event-notifications.handler';
import { EventRemindersProcessor } from './event-reminders.processor';
import { EventRemindersService } from './event-reminders.service';
import { EventsRepository } from './events.repository';

/** The outbox handlers of this module, for the worker's `OUTBOX_HANDLERS`. */
export const EVENT_OUTBOX_HANDLERS = [
  EventNotificationsHandler,
] as const satisfies readonly OutboxHandlerClass[];

/** Worker side: the day-before reminders (queue, processor, sweep) and the event notifications. */
@Module({
  imports: [
    OutboxModule,
    NotificationsWorkerModule,
    BullModule.registerQueue({ name: QueueName.Events }),
  ],
  providers: [
    EventsRepository,
    EventRemindersService,
    EventRemindersProcessor,
    ...EVENT_OUTBOX_HANDLERS,
  ],
  exports: [...EVENT_OUTBOX_HANDLERS],
})
export class EventsWorkerModule {}
