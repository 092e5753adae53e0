import { Module } from '@nestjs/common';
import { BlocksModule } from '../blocks/blocks.module';
import { ListingsModule } from '../listings/listings.module';
import { OutboxModule } from '../outbox/outbox.module';
import { ConversationsController } from './conversations.controller';
import { ConversationsRepository } from './conversations.repository';
import { ConversationsService } from './conversations.service';

/** Chat: the REST history is the truth; sockets only show new messages sooner. */
@Module({
  imports: [OutboxModule, ListingsModule, BlocksModule],
  controllers: [ConversationsController],
  providers: [ConversationsRepository, ConversationsService],
  exports: [ConversationsService],
})
export class ConversationsModule {}
