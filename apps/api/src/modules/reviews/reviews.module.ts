import { Module } from '@nestjs/common';
import { BlocksModule } from '../blocks/blocks.module';
import { ExchangesModule } from '../exchanges/exchanges.module';
import { ModerationTargetsModule } from '../moderation/moderation-targets.module';
import { OutboxModule } from '../outbox/outbox.module';
import { ProfilesService } from './profiles.service';
import { ReviewModerationTarget } from './review-moderation.target';
import { ReviewsAccountData } from './reviews-account-data';
import { ReviewsController } from './reviews.controller';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';

/** Reviews, reputation and public profiles; only this module writes `reviews`. */
@Module({
  imports: [OutboxModule, ExchangesModule, BlocksModule, ModerationTargetsModule],
  controllers: [ReviewsController],
  providers: [
    ReviewsRepository,
    ReviewsService,
    ProfilesService,
    ReviewModerationTarget,
    ReviewsAccountData,
  ],
  exports: [ReviewsService],
})
export class ReviewsModule {}
