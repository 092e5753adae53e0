import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type CreateVerificationCodesInput,
  type RedeemVerificationCodeInput,
  createVerificationCodesSchema,
  issuedVerificationCodesSchema,
  pageSchema,
  redeemVerificationCodeResponseSchema,
  redeemVerificationCodeSchema,
  verificationCodeListQuerySchema,
  verificationCodeSummarySchema,
} from '@partagora/domain';
import type { Request } from 'express';
import type { z } from 'zod';
import { CurrentUser } from '../../common/auth/auth.guard';
import type { Principal } from '../../common/auth/principal';
import { addressKeyOf } from '../../common/rate-limit/rate-limit.guard';
import { ValidBody, ValidQuery, responseSchema } from '../../common/validation/zod-validation';
import { VerificationService } from './verification.service';

@ApiTags('verification')
@ApiBearerAuth()
@Controller()
export class VerificationController {
  constructor(private readonly service: VerificationService) {}

  /** Staff of that town only (403 otherwise). The plain codes are in this answer only. */
  @Post('municipalities/:slug/verification-codes')
  @ApiCreatedResponse({ schema: responseSchema(issuedVerificationCodesSchema) })
  issue(
    @CurrentUser() principal: Principal,
    @Param('slug') slug: string,
    @ValidBody(createVerificationCodesSchema) body: CreateVerificationCodesInput,
  ) {
    return this.service.issue(principal.userId, slug, body);
  }

  /** What that town's staff issued, newest first, without the codes (only hashes are kept). */
  @Get('municipalities/:slug/verification-codes')
  @ApiOkResponse({ schema: responseSchema(pageSchema(verificationCodeSummarySchema)) })
  list(
    @CurrentUser() principal: Principal,
    @Param('slug') slug: string,
    @ValidQuery(verificationCodeListQuerySchema)
    q: z.output<typeof verificationCodeListQuerySchema>,
  ) {
    return this.service.list(principal.userId, slug, q);
  }

  /** Failures are counted per member and per address (429 over either; 503 if Redis is down). */
  @Post('me/verify')
  @HttpCode(200)
  @ApiOkResponse({ schema: responseSchema(redeemVerificationCodeResponseSchema) })
  verify(
    @CurrentUser() principal: Principal,
    @Req() req: Request,
    @ValidBody(redeemVerificationCodeSchema) body: RedeemVerificationCodeInput,
  ) {
    return this.service.redeem(principal.userId, addressKeyOf(req), body.code);
  }
}
