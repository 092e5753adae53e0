import { Module } from '@nestjs/common';
import { BlocksModule } from '../blocks/blocks.module';
import { ExchangesModule } from '../exchanges/exchanges.module';
import { OutboxModule } from '../outbox/outbox.module';
import { ProfilesService } from './profiles.service';
import { ReviewsController } from './reviews.controller';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';

/** Reviews, reputation and public profiles; only this module writes `reviews`. */
@Module({
  imports: [OutboxModule, ExchangesModule, BlocksModule],
  controllers: [ReviewsController],
  providers: [ReviewsRepository, ReviewsService, ProfilesService],
  exports: [ReviewsService],
})
export class ReviewsModule {}
