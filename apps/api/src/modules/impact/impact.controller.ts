import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { impactQuerySchema, impactSchema } from '@partagora/domain';
import type { z } from 'zod';
import { Public } from '../../common/auth/auth.guard';
import { ValidQuery, responseSchema } from '../../common/validation/zod-validation';
import { ImpactService } from './impact.service';

@ApiTags('impact')
@Controller('municipalities/:slug/impact')
export class ImpactController {
  constructor(private readonly service: ImpactService) {}

  /** Public: the town's figures over `[from, to)` (default: the last twelve months). */
  @Public()
  @Get()
  @ApiOkResponse({ schema: responseSchema(impactSchema) })
  get(
    @Param('slug') slug: string,
    @ValidQuery(impactQuerySchema) q: z.output<typeof impactQuerySchema>,
  ) {
    return this.service.forSlug(slug, q);
  }
}
