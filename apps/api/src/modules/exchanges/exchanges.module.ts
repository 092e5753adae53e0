import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module';
import { OutboxModule } from '../outbox/outbox.module';
import { ExchangesController } from './exchanges.controller';
import { ExchangesRepository } from './exchanges.repository';
import { ExchangesService } from './exchanges.service';

@Module({
  imports: [OutboxModule, ConversationsModule],
  controllers: [ExchangesController],
  providers: [ExchangesRepository, ExchangesService],
  exports: [ExchangesService, ExchangesRepository],
})
export class ExchangesModule {}
