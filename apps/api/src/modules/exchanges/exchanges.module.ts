import { Module } from '@nestjs/common';
import { BlocksModule } from '../blocks/blocks.module';
import { ConversationsModule } from '../conversations/conversations.module';
import { ListingsModule } from '../listings/listings.module';
import { OutboxModule } from '../outbox/outbox.module';
import { ExchangesController } from './exchanges.controller';
import { ExchangesRepository } from './exchanges.repository';
import { ExchangesService } from './exchanges.service';

@Module({
  imports: [OutboxModule, ConversationsModule, ListingsModule, BlocksModule],
  controllers: [ExchangesController],
  providers: [ExchangesRepository, ExchangesService],
  exports: [ExchangesService],
})
export class ExchangesModule {}
