import { Module } from '@nestjs/common';
import { BlocksModule } from '../blocks/blocks.module';
import { ConversationsAccountData } from './conversations-account-data';
import { ListingsModule } from '../listings/listings.module';
import { ModerationTargetsModule } from '../moderation/moderation-targets.module';
import { OutboxModule } from '../outbox/outbox.module';
import { MessageModerationTarget } from './message-moderation.target';
import { ConversationsController } from './conversations.controller';
import { ConversationsRepository } from './conversations.repository';
import { ConversationsService } from './conversations.service';

/** Chat: the REST history is the truth; sockets only show new messages sooner. */
@Module({
  imports: [OutboxModule, ListingsModule, BlocksModule, ModerationTargetsModule],
  controllers: [ConversationsController],
  providers: [
    ConversationsRepository,
    ConversationsService,
    MessageModerationTarget,
    ConversationsAccountData,
  ],
  exports: [ConversationsService],
})
export class ConversationsModule {}
