import {
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  UploadedFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type CreateOrganisationInput,
  DomainError,
  type OrganisationListQuery,
  type UpdateOrganisationInput,
  createOrganisationSchema,
  imageRefSchema,
  organisationCreatedSchema,
  organisationListQuerySchema,
  organisationPageSchema,
  organisationSchema,
  organisationVerifiedSchema,
  updateOrganisationSchema,
} from '@partagora/domain';
import { CurrentUser, OptionalUser, Public } from '../../common/auth/auth.guard';
import type { Principal } from '../../common/auth/principal';
import { PhotoUpload, type UploadedPhoto } from '../../common/http/photo-upload';
import { RateLimit } from '../../common/rate-limit/rate-limit.guard';
import { ValidBody, ValidQuery, responseSchema } from '../../common/validation/zod-validation';
import { OrganisationsService } from './organisations.service';

const organisationId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('ORGANISATION_NOT_FOUND', 'No such organisation'),
});

/** DESIGN.md §4.1 "Organisations": public pages, registration by residents, verification by staff. */
@ApiTags('organisations')
@Controller()
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post('organisations')
  @RateLimit('organisation.create')
  @ApiBearerAuth()
  @ApiCreatedResponse({ schema: responseSchema(organisationCreatedSchema) })
  create(
    @CurrentUser() user: Principal,
    @ValidBody(createOrganisationSchema) body: CreateOrganisationInput,
  ) {
    return this.organisations.create(user.userId, body);
  }

  /** The organisations the caller belongs to (their role in each). */
  @Get('me/organisations')
  @ApiBearerAuth()
  @ApiOkResponse({ schema: responseSchema(organisationPageSchema) })
  async mine(@CurrentUser() user: Principal) {
    return { items: await this.organisations.mine(user.userId), nextCursor: null };
  }

  @Public()
  @Get('organisations/:id')
  @ApiOkResponse({ schema: responseSchema(organisationSchema) })
  get(@OptionalUser() user: Principal | null, @Param('id', organisationId) id: string) {
    return this.organisations.get(id, user?.userId ?? null);
  }

  @Post('organisations/:id/verify')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({ schema: responseSchema(organisationVerifiedSchema) })
  verify(@CurrentUser() user: Principal, @Param('id', organisationId) id: string) {
    return this.organisations.verify(user.userId, id);
  }

  @Patch('organisations/:id')
  @ApiBearerAuth()
  @ApiOkResponse({ schema: responseSchema(organisationSchema) })
  update(
    @CurrentUser() user: Principal,
    @Param('id', organisationId) id: string,
    @ValidBody(updateOrganisationSchema) body: UpdateOrganisationInput,
  ) {
    return this.organisations.update(user.userId, id, body);
  }

  @Post('organisations/:id/logo')
  @PhotoUpload()
  @ApiCreatedResponse({ schema: responseSchema(imageRefSchema) })
  logo(
    @CurrentUser() user: Principal,
    @Param('id', organisationId) id: string,
    @UploadedFile() file: UploadedPhoto,
  ) {
    return this.organisations.setLogo(user.userId, id, file?.buffer);
  }

  @Public()
  @Get('municipalities/:slug/organisations')
  @ApiOkResponse({ schema: responseSchema(organisationPageSchema) })
  list(
    @OptionalUser() user: Principal | null,
    @Param('slug') slug: string,
    @ValidQuery(organisationListQuerySchema) q: OrganisationListQuery,
  ) {
    return this.organisations.list(slug, user?.userId ?? null, q);
  }
}
