import { Module } from '@nestjs/common';
import { BlocksModule } from '../blocks/blocks.module';
import { LibraryAccessModule } from '../library/library-access.module';
import { ModerationTargetsModule } from '../moderation/moderation-targets.module';
import { OutboxModule } from '../outbox/outbox.module';
import { ListingModerationTarget } from './listing-moderation.target';
import { UsersModule } from '../users/users.module';
import { PhotoStorage } from '../../infra/storage/photo-storage';
import { ListingPhotosController } from './listing-photos.controller';
import { ListingPhotosRepository } from './listing-photos.repository';
import { ListingPhotosService } from './listing-photos.service';
import { ListingsAccountData } from './listings-account-data';
import { ListingsController } from './listings.controller';
import { ListingsRepository } from './listings.repository';
import { ListingsService } from './listings.service';

@Module({
  imports: [UsersModule, OutboxModule, BlocksModule, ModerationTargetsModule, LibraryAccessModule],
  controllers: [ListingsController, ListingPhotosController],
  providers: [
    ListingsRepository,
    ListingsService,
    ListingPhotosRepository,
    ListingPhotosService,
    PhotoStorage,
    ListingModerationTarget,
    ListingsAccountData,
  ],
  exports: [ListingsService, ListingPhotosService],
})
export class ListingsModule {}
