import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  type ConditionInput,
  type DeskQuery,
  DomainError,
  type LibraryItemsQuery,
  type LibrarySettingsInput,
  PHOTO_LIMITS,
  conditionInputSchema,
  conditionSchema,
  deskDaySchema,
  deskQuerySchema,
  exchangeSchema,
  libraryItemsPageSchema,
  libraryItemsQuerySchema,
  libraryListSchema,
  librarySettingsSchema,
  libraryViewSchema,
  waitlistEntrySchema,
} from '@partagora/domain';
import { CurrentUser } from '../../common/auth/auth.guard';
import type { Principal } from '../../common/auth/principal';
import { RateLimit } from '../../common/rate-limit/rate-limit.guard';
import { ValidBody, ValidQuery, responseSchema } from '../../common/validation/zod-validation';
import { LibraryService } from './library.service';

const uuid = (code: 'ORGANISATION_NOT_FOUND' | 'LISTING_NOT_FOUND' | 'EXCHANGE_NOT_FOUND') =>
  new ParseUUIDPipe({ exceptionFactory: () => new DomainError(code, 'Not found') });

const photoUpload = FileInterceptor('photo', {
  limits: { fileSize: PHOTO_LIMITS.maxBytes, files: 1, fields: 5, parts: 6 },
});

/** The tool library: hours, catalogue, waiting lists, and the staff's desk. */
@ApiTags('library')
@ApiBearerAuth()
@Controller()
export class LibraryController {
  constructor(private readonly library: LibraryService) {}

  @Get('municipalities/:slug/libraries')
  @ApiOkResponse({ schema: responseSchema(libraryListSchema) })
  libraries(@CurrentUser() user: Principal, @Param('slug') slug: string) {
    return this.library.libraries(user.userId, slug);
  }

  @Get('organisations/:id/library')
  @ApiOkResponse({ schema: responseSchema(libraryViewSchema) })
  get(@CurrentUser() user: Principal, @Param('id', uuid('ORGANISATION_NOT_FOUND')) id: string) {
    return this.library.library(user.userId, id);
  }

  /** The library's opening slots and closures (its staff). */
  @Put('organisations/:id/library')
  @ApiOkResponse({ schema: responseSchema(libraryViewSchema) })
  settings(
    @CurrentUser() user: Principal,
    @Param('id', uuid('ORGANISATION_NOT_FOUND')) id: string,
    @ValidBody(librarySettingsSchema) body: LibrarySettingsInput,
  ) {
    return this.library.saveSettings(user.userId, id, body);
  }

  @Get('organisations/:id/library/items')
  @ApiOkResponse({ schema: responseSchema(libraryItemsPageSchema) })
  items(
    @CurrentUser() user: Principal,
    @Param('id', uuid('ORGANISATION_NOT_FOUND')) id: string,
    @ValidQuery(libraryItemsQuerySchema) q: LibraryItemsQuery,
  ) {
    return this.library.items(user.userId, id, q);
  }

  @Post('listings/:id/waitlist')
  @ApiCreatedResponse({ schema: responseSchema(waitlistEntrySchema) })
  join(@CurrentUser() user: Principal, @Param('id', uuid('LISTING_NOT_FOUND')) id: string) {
    return this.library.joinWaitlist(user.userId, id);
  }

  @Delete('listings/:id/waitlist')
  @HttpCode(204)
  @ApiNoContentResponse()
  async leave(
    @CurrentUser() user: Principal,
    @Param('id', uuid('LISTING_NOT_FOUND')) id: string,
  ): Promise<void> {
    await this.library.leaveWaitlist(user.userId, id);
  }

  /** The day's pick-ups and returns, and what is overdue (the organisation's staff). */
  @Get('organisations/:id/desk')
  @ApiOkResponse({ schema: responseSchema(deskDaySchema) })
  desk(
    @CurrentUser() user: Principal,
    @Param('id', uuid('ORGANISATION_NOT_FOUND')) id: string,
    @ValidQuery(deskQuerySchema) q: DeskQuery,
  ) {
    return this.library.desk(user.userId, id, q.date);
  }

  /** Check-out for the resident: the loan's hand-over, with the condition (note, optional photo). */
  @Post('organisations/:id/desk/:exchangeId/checkout')
  @HttpCode(200)
  @RateLimit('photo.upload')
  @ApiOkResponse({ schema: responseSchema(exchangeSchema.extend({ condition: conditionSchema })) })
  @UseInterceptors(photoUpload)
  checkout(
    @CurrentUser() user: Principal,
    @Param('id', uuid('ORGANISATION_NOT_FOUND')) id: string,
    @Param('exchangeId', uuid('EXCHANGE_NOT_FOUND')) exchangeId: string,
    @ValidBody(conditionInputSchema) body: ConditionInput,
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ) {
    return this.library.deskStep(user.userId, id, exchangeId, 'checkout', body.note, file?.buffer);
  }

  /** Check-in: the loan's return, with the condition the item came back in. */
  @Post('organisations/:id/desk/:exchangeId/checkin')
  @HttpCode(200)
  @RateLimit('photo.upload')
  @ApiOkResponse({ schema: responseSchema(exchangeSchema.extend({ condition: conditionSchema })) })
  @UseInterceptors(photoUpload)
  checkin(
    @CurrentUser() user: Principal,
    @Param('id', uuid('ORGANISATION_NOT_FOUND')) id: string,
    @Param('exchangeId', uuid('EXCHANGE_NOT_FOUND')) exchangeId: string,
    @ValidBody(conditionInputSchema) body: ConditionInput,
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ) {
    return this.library.deskStep(user.userId, id, exchangeId, 'checkin', body.note, file?.buffer);
  }
}
