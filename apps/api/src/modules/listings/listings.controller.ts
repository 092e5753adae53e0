import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type CreateListingInput,
  DomainError,
  type MapListingsQuery,
  type SearchListingsQuery,
  type UpdateListingInput,
  createListingSchema,
  listingMapSchema,
  listingSchema,
  listingSearchPageSchema,
  mapListingsQuerySchema,
  searchListingsQuerySchema,
  updateListingSchema,
} from '@partagora/domain';
import { CurrentUser } from '../../common/auth/auth.guard';
import type { Principal } from '../../common/auth/principal';
import { RateLimit } from '../../common/rate-limit/rate-limit.guard';
import { ValidBody, ValidQuery, responseSchema } from '../../common/validation/zod-validation';
import { ListingsService } from './listings.service';

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('LISTING_NOT_FOUND', 'No such listing'),
});

@ApiTags('listings')
@ApiBearerAuth()
@Controller('listings')
export class ListingsController {
  constructor(private readonly listings: ListingsService) {}

  @Get()
  @ApiOkResponse({ schema: responseSchema(listingSearchPageSchema) })
  search(
    @CurrentUser() user: Principal,
    @ValidQuery(searchListingsQuerySchema) query: SearchListingsQuery,
  ) {
    return this.listings.search(query, user.userId);
  }

  @Get('map')
  @ApiOkResponse({ schema: responseSchema(listingMapSchema) })
  map(@CurrentUser() user: Principal, @ValidQuery(mapListingsQuerySchema) query: MapListingsQuery) {
    return this.listings.map(query, user.userId);
  }

  @Post()
  @RateLimit('listing.create')
  @ApiCreatedResponse({ schema: responseSchema(listingSchema) })
  create(@CurrentUser() user: Principal, @ValidBody(createListingSchema) body: CreateListingInput) {
    return this.listings.create(user.userId, body);
  }

  @Get(':id')
  @ApiOkResponse({ schema: responseSchema(listingSchema) })
  get(@CurrentUser() user: Principal, @Param('id', uuid) id: string) {
    return this.listings.get(user.userId, id);
  }

  @Patch(':id')
  @ApiOkResponse({ schema: responseSchema(listingSchema) })
  update(
    @CurrentUser() user: Principal,
    @Param('id', uuid) id: string,
    @ValidBody(updateListingSchema) body: UpdateListingInput,
  ) {
    return this.listings.update(user.userId, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() user: Principal, @Param('id', uuid) id: string): Promise<void> {
    await this.listings.remove(user.userId, id);
  }
}
