import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  type AssistedResidentsQuery,
  type CreateAssistedResidentInput,
  DomainError,
  actTokenSchema,
  assistedResidentPageSchema,
  assistedResidentsQuerySchema,
  createAssistedResidentSchema,
  createdAssistedResidentSchema,
} from '@partagora/domain';
import type { Response } from 'express';
import { CurrentUser } from '../../common/auth/auth.guard';
import type { Principal } from '../../common/auth/principal';
import { ValidBody, ValidQuery, responseSchema } from '../../common/validation/zod-validation';
import { AssistedService } from './assisted.service';

const residentId = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('ASSISTED_RESIDENT_NOT_FOUND', 'No such resident'),
});

/** Assisted mode (DESIGN.md §4.1): that town's staff only. */
@ApiTags('assisted')
@ApiBearerAuth()
@Controller()
export class AssistedController {
  constructor(private readonly assisted: AssistedService) {}

  @Post('municipalities/:slug/assisted-residents')
  @ApiCreatedResponse({ schema: responseSchema(createdAssistedResidentSchema) })
  register(
    @CurrentUser() user: Principal,
    @Param('slug') slug: string,
    @ValidBody(createAssistedResidentSchema) body: CreateAssistedResidentInput,
  ) {
    return this.assisted.register(staff(user), slug, body);
  }

  /** The town's assisted residents with their unread messages (the desk). */
  @Get('municipalities/:slug/assisted-residents')
  @ApiOkResponse({ schema: responseSchema(assistedResidentPageSchema) })
  list(
    @CurrentUser() user: Principal,
    @Param('slug') slug: string,
    @ValidQuery(assistedResidentsQuerySchema) q: AssistedResidentsQuery,
  ) {
    return this.assisted.list(staff(user), slug, q);
  }

  @Post('assisted-residents/:id/act')
  @HttpCode(200)
  @ApiOkResponse({ schema: responseSchema(actTokenSchema) })
  act(@CurrentUser() user: Principal, @Param('id', residentId) id: string) {
    return this.assisted.act(staff(user), id);
  }

  /** Stop acting: the resident's act tokens end at once. */
  @Delete('assisted-residents/:id/act')
  @HttpCode(204)
  @ApiNoContentResponse()
  async stop(@CurrentUser() user: Principal, @Param('id', residentId) id: string): Promise<void> {
    await this.assisted.stop(staff(user), id);
  }

  /** A printable summary (French): the resident's bookings and pick-up times. */
  @Get('assisted-residents/:id/summary.pdf')
  @ApiOkResponse({ content: { 'application/pdf': {} } })
  async summary(
    @CurrentUser() user: Principal,
    @Param('id', residentId) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const pdf = await this.assisted.summaryPdf(staff(user), id);
    res
      .status(200)
      .set({
        'Content-Type': 'application/pdf',
        'Content-Disposition': 'inline; filename="recapitulatif.pdf"',
        'Cache-Control': 'no-store',
        'Content-Length': String(pdf.length),
      })
      .end(pdf);
  }
}

/** Staff themselves, never an act token (one cannot act for someone while acting for another). */
function staff(user: Principal): string {
  if (user.actorId) throw new DomainError('FORBIDDEN', 'Stop acting for the resident first');
  return user.userId;
}
