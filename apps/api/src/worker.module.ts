import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { CoreModule } from './common/core.module';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { DatabaseModule } from './database/database.module';
import { QueueName } from './infra/queues/queue-names';
import { ExchangesWorkerModule } from './modules/exchanges/exchanges-worker.module';
import { OutboxModule } from './modules/outbox/outbox.module';
import { OutboxProcessor } from './modules/outbox/outbox.processor';
import { OutboxRelayService } from './modules/outbox/outbox-relay.service';
import { OUTBOX_HANDLERS, type OutboxHandler } from './modules/outbox/outbox-handlers';
import { AlertsWorkerModule } from './modules/alerts/alerts-worker.module';
import { NotificationsWorkerModule } from './modules/notifications/notifications-worker.module';
import { ReviewsWorkerModule } from './modules/reviews/reviews-worker.module';
import { PostsWorkerModule } from './modules/posts/posts-worker.module';
import { OUTBOX_HANDLER_CLASSES } from './outbox-wiring';

/** Redis connection options from a URL, for BullMQ workers (which keep retrying while it is down). */
export function workerConnection(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/** The BullMQ worker process: same modules, no HTTP listener. */
@Module({
  imports: [
    CoreModule,
    DatabaseModule,
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: workerConnection(config.redisUrl),
      }),
    }),
    BullModule.registerQueue({ name: QueueName.Outbox }),
    ExchangesWorkerModule,
    OutboxModule,
    NotificationsWorkerModule,
    AlertsWorkerModule,
    ReviewsWorkerModule,
    PostsWorkerModule,
  ],
  providers: [
    OutboxProcessor,
    OutboxRelayService,
    {
      // Every module's outbox handlers, in one list for the outbox processor (which checks them).
      provide: OUTBOX_HANDLERS,
      inject: [...OUTBOX_HANDLER_CLASSES],
      useFactory: (...handlers: OutboxHandler<never>[]): OutboxHandler<never>[] => handlers,
    },
  ],
})
export class WorkerModule {}
