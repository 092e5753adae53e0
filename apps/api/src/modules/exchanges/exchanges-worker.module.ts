import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { QueueName } from '../../infra/queues/queue-names';
import { OutboxModule } from '../outbox/outbox.module';
import { ExchangesModule } from './exchanges.module';
import { ExchangesRepository } from './exchanges.repository';
import { RemindersProcessor } from './reminders.processor';
import { RemindersService } from './reminders.service';

/** Worker side: reminders and timed steps (queue, processor and the sweep that recreates them). */
@Module({
  imports: [ExchangesModule, OutboxModule, BullModule.registerQueue({ name: QueueName.Reminders })],
  providers: [ExchangesRepository, RemindersService, RemindersProcessor],
})
export class ExchangesWorkerModule {}
