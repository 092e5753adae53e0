import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { municipalitySchema, municipalitySummarySchema, pageSchema } from '@partagora/domain';
import { Public } from '../../common/auth/auth.guard';
import { responseSchema } from '../../common/validation/zod-validation';
import { MunicipalitiesService } from './municipalities.service';

@ApiTags('municipalities')
@Controller('municipalities')
export class MunicipalitiesController {
  constructor(private readonly service: MunicipalitiesService) {}

  @Public()
  @Get()
  @ApiOkResponse({
    schema: responseSchema(pageSchema(municipalitySummarySchema)),
  })
  async list() {
    return { items: await this.service.list(), nextCursor: null };
  }

  @Public()
  @Get(':slug')
  @ApiOkResponse({ schema: responseSchema(municipalitySchema) })
  get(@Param('slug') slug: string) {
    return this.service.get(slug);
  }
}
