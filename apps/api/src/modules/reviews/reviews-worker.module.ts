import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { QueueName } from '../../infra/queues/queue-names';
import { ExchangesModule } from '../exchanges/exchanges.module';
import { OutboxModule } from '../outbox/outbox.module';
import { ReviewTimersProcessor } from './review-timers.processor';
import { ReviewTimersService } from './review-timers.service';
import { ReviewsModule } from './reviews.module';
import { ReviewsRepository } from './reviews.repository';

/** Worker side: the review timers (queue, processor and the sweep that recreates them). */
@Module({
  imports: [
    ReviewsModule,
    ExchangesModule,
    OutboxModule,
    BullModule.registerQueue({ name: QueueName.Reviews }),
  ],
  providers: [ReviewsRepository, ReviewTimersService, ReviewTimersProcessor],
})
export class ReviewsWorkerModule {}
