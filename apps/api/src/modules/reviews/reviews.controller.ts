import { Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type CreateReviewInput,
  DomainError,
  createReviewSchema,
  myReviewStateSchema,
  publicProfileSchema,
  reviewSchema,
} from '@partagora/domain';
import { CurrentUser } from '../../common/auth/auth.guard';
import type { Principal } from '../../common/auth/principal';
import { ValidBody, responseSchema } from '../../common/validation/zod-validation';
import { ProfilesService } from './profiles.service';
import { ReviewsService } from './reviews.service';

const exchangeId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('EXCHANGE_NOT_FOUND', 'No such exchange'),
});
const userId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('USER_NOT_FOUND', 'No such member'),
});

@ApiTags('reviews')
@ApiBearerAuth()
@Controller()
export class ReviewsController {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly profiles: ProfilesService,
  ) {}

  /** 201; 409 `REVIEW_EXISTS` / `EXCHANGE_NOT_COMPLETED`; 404 for a non-party. */
  @Post('exchanges/:id/review')
  @ApiCreatedResponse({ schema: responseSchema(reviewSchema) })
  create(
    @CurrentUser() user: Principal,
    @Param('id', exchangeId) id: string,
    @ValidBody(createReviewSchema) body: CreateReviewInput,
  ) {
    return this.reviews.create(user.userId, id, body);
  }

  /** The parties only (404 otherwise): my review, whether I can write one, theirs once out. */
  @Get('exchanges/:id/review')
  @ApiOkResponse({ schema: responseSchema(myReviewStateSchema) })
  state(@CurrentUser() user: Principal, @Param('id', exchangeId) id: string) {
    return this.reviews.stateFor(user.userId, id);
  }

  /** Any signed-in member. */
  @Get('users/:id')
  @ApiOkResponse({ schema: responseSchema(publicProfileSchema) })
  profile(@CurrentUser() user: Principal, @Param('id', userId) id: string) {
    return this.profiles.profile(user.userId, id);
  }
}
