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
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  type CreateInitiativeInput,
  DomainError,
  type UpdateInitiativeInput,
  createInitiativeSchema,
  initiativeListQuerySchema,
  initiativeSchema,
  pageSchema,
  updateInitiativeSchema,
} from '@partagora/domain';
import type { z } from 'zod';
import { CurrentUser, Public } from '../../common/auth/auth.guard';
import type { Principal } from '../../common/auth/principal';
import { ValidBody, ValidQuery, responseSchema } from '../../common/validation/zod-validation';
import { InitiativesService } from './initiatives.service';

/** A malformed id is no initiative: 404, like an unknown one. */
const initiativeId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('INITIATIVE_NOT_FOUND', 'No such initiative'),
});

@ApiTags('initiatives')
@Controller()
export class InitiativesController {
  constructor(private readonly service: InitiativesService) {}

  /** Public: the town's collaborative places and projects, by practice if asked. */
  @Public()
  @Get('municipalities/:slug/initiatives')
  @ApiOkResponse({ schema: responseSchema(pageSchema(initiativeSchema)) })
  list(
    @Param('slug') slug: string,
    @ValidQuery(initiativeListQuerySchema) q: z.output<typeof initiativeListQuerySchema>,
  ) {
    return this.service.list(slug, q);
  }

  /** Staff of that town. */
  @ApiBearerAuth()
  @Post('municipalities/:slug/initiatives')
  @ApiCreatedResponse({ schema: responseSchema(initiativeSchema) })
  create(
    @CurrentUser() principal: Principal,
    @Param('slug') slug: string,
    @ValidBody(createInitiativeSchema) body: CreateInitiativeInput,
  ) {
    return this.service.create(principal.userId, slug, body);
  }

  @Public()
  @Get('initiatives/:id')
  @ApiOkResponse({ schema: responseSchema(initiativeSchema) })
  get(@Param('id', initiativeId) id: string) {
    return this.service.get(id);
  }

  /** Staff of the initiative's town. */
  @ApiBearerAuth()
  @Patch('initiatives/:id')
  @ApiOkResponse({ schema: responseSchema(initiativeSchema) })
  update(
    @CurrentUser() principal: Principal,
    @Param('id', initiativeId) id: string,
    @ValidBody(updateInitiativeSchema) body: UpdateInitiativeInput,
  ) {
    return this.service.update(principal.userId, id, body);
  }

  @ApiBearerAuth()
  @Delete('initiatives/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed' })
  async remove(@CurrentUser() principal: Principal, @Param('id', initiativeId) id: string) {
    await this.service.remove(principal.userId, id);
  }
}
