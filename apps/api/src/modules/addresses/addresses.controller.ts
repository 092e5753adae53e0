import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type GeocodeQuery,
  geocodeQuerySchema,
  geocodeResultSchema,
  pageSchema,
} from '@partagora/domain';
import { Public } from '../../common/auth/auth.guard';
import { RateLimit } from '../../common/rate-limit/rate-limit.guard';
import { ValidQuery, responseSchema } from '../../common/validation/zod-validation';
import { AddressesService } from './addresses.service';

@ApiTags('geocode')
@Controller('geocode')
export class AddressesController {
  constructor(private readonly addresses: AddressesService) {}

  /** Address suggestions in one town, best first (sign-up needs it before any account). */
  @Public()
  @Get()
  @RateLimit('geocode')
  @ApiOkResponse({ schema: responseSchema(pageSchema(geocodeResultSchema)) })
  async search(@ValidQuery(geocodeQuerySchema) q: GeocodeQuery) {
    return { items: await this.addresses.search(q), nextCursor: null };
  }
}
