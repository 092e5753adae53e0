import { Module } from '@nestjs/common';
import { AddressesModule } from '../addresses/addresses.module';
import { BlocksModule } from '../blocks/blocks.module';
import { ExchangesAccountData } from './exchanges-account-data';
import { ConversationsModule } from '../conversations/conversations.module';
import { ListingsModule } from '../listings/listings.module';
import { OutboxModule } from '../outbox/outbox.module';
import { ExchangesController } from './exchanges.controller';
import { ExchangesRepository } from './exchanges.repository';
import { ExchangesService } from './exchanges.service';

@Module({
  imports: [OutboxModule, ConversationsModule, ListingsModule, BlocksModule, AddressesModule],
  controllers: [ExchangesController],
  providers: [ExchangesRepository, ExchangesService, ExchangesAccountData],
  exports: [ExchangesService],
})
export class ExchangesModule {}
