import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { WebPushSender } from '../../infra/push/web-push.sender';
import { QueueName } from '../../infra/queues/queue-names';
import { MunicipalitiesModule } from '../municipalities/municipalities.module';
import { TownStaffModule } from '../municipalities/town-staff-access';
import { NotificationsWorkerModule } from '../notifications/notifications-worker.module';
import type { OutboxHandlerClass } from '../outbox/outbox-handlers';
import { OutboxModule } from '../outbox/outbox.module';
import { UsersModule } from '../users/users.module';
import { PostAlertHandler, PostPushHandler } from './post-alert.handlers';
import { PostAlertsProcessor, PostAlertsScheduler } from './post-alerts.scheduler';
import { PostAlertsService } from './post-alerts.service';
import { PostsRepository } from './posts.repository';
import { PostsService } from './posts.service';

/** The outbox handlers of this module, for the worker's `OUTBOX_HANDLERS`. */
export const POST_OUTBOX_HANDLERS = [
  PostAlertHandler,
  PostPushHandler,
] as const satisfies readonly OutboxHandlerClass[];

/** Worker side: alerts fanned out and pushed; scheduled alerts sent at their time. */
@Module({
  imports: [
    NotificationsWorkerModule,
    OutboxModule,
    UsersModule,
    MunicipalitiesModule,
    TownStaffModule,
    BullModule.registerQueue({ name: QueueName.Posts }),
  ],
  providers: [
    PostsRepository,
    PostsService,
    PostAlertsService,
    WebPushSender,
    PostAlertsScheduler,
    PostAlertsProcessor,
    ...POST_OUTBOX_HANDLERS,
  ],
  exports: [...POST_OUTBOX_HANDLERS, PostAlertsScheduler],
})
export class PostsWorkerModule {}
