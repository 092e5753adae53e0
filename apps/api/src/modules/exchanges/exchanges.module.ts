import { Module } from '@nestjs/common';
import { AddressesModule } from '../addresses/addresses.module';
import { BlocksModule } from '../blocks/blocks.module';
import { LibraryAccessModule } from '../library/library-access.module';
import { ExchangeStepHooks } from './exchange-step-hooks';
import { ExchangesAccountData } from './exchanges-account-data';
import { ConversationsModule } from '../conversations/conversations.module';
import { ListingsModule } from '../listings/listings.module';
import { OutboxModule } from '../outbox/outbox.module';
import { ExchangesController } from './exchanges.controller';
import { ExchangesRepository } from './exchanges.repository';
import { ExchangesService } from './exchanges.service';

@Module({
  imports: [
    OutboxModule,
    ConversationsModule,
    ListingsModule,
    BlocksModule,
    AddressesModule,
    LibraryAccessModule,
  ],
  controllers: [ExchangesController],
  providers: [ExchangesRepository, ExchangesService, ExchangesAccountData, ExchangeStepHooks],
  exports: [ExchangesService, ExchangeStepHooks],
})
export class ExchangesModule {}
