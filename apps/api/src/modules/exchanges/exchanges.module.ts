import { Module } from '@nestjs/common';
import { ConversationsRepository } from '../conversations/conversations.repository';
import { OutboxModule } from '../outbox/outbox.module';
import { ExchangesController } from './exchanges.controller';
import { ExchangesRepository } from './exchanges.repository';
import { ExchangesService } from './exchanges.service';

@Module({
  imports: [OutboxModule],
  controllers: [ExchangesController],
  providers: [ExchangesRepository, ExchangesService, ConversationsRepository],
  exports: [ExchangesService, ExchangesRepository],
})
export class ExchangesModule {}
