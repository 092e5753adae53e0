import { Module } from '@nestjs/common';
import { OutboxAccountData } from './outbox-account-data';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';

/** The write side (API and worker): record rows in transactions and publish them after commit. */
@Module({
  providers: [OutboxRepository, OutboxService, OutboxAccountData],
  exports: [OutboxRepository, OutboxService],
})
export class OutboxModule {}
