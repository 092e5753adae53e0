import { Module } from '@nestjs/common';
import { ConversationsAccountData } from './conversations-account-data';
import { ListingsModule } from '../listings/listings.module';
import { OutboxModule } from '../outbox/outbox.module';
import { ConversationsController } from './conversations.controller';
import { ConversationsRepository } from './conversations.repository';
import { ConversationsService } from './conversations.service';

/** Chat: the REST history is the truth; sockets only show new messages sooner. */
@Module({
  imports: [OutboxModule, ListingsModule],
  controllers: [ConversationsController],
  providers: [ConversationsRepository, ConversationsService, ConversationsAccountData],
  exports: [ConversationsService],
})
export class ConversationsModule {}
