import { Controller, Delete, Get, HttpCode, Patch, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type DeleteAccountInput,
  type UpdateMeInput,
  accountExportSchema,
  deleteAccountSchema,
  meSchema,
  updateMeSchema,
} from '@partagora/domain';
import type { Response } from 'express';
import { CurrentUser, Public } from '../../common/auth/auth.guard';
import type { Principal } from '../../common/auth/principal';
import { RateLimit } from '../../common/rate-limit/rate-limit.guard';
import { ValidBody, responseSchema } from '../../common/validation/zod-validation';
import { AccountService } from './account.service';
import { AttestationService } from './attestation.service';
import { ProfileSettingsService } from './profile-settings.service';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class AccountController {
  constructor(
    private readonly account: AccountService,
    private readonly settings: ProfileSettingsService,
  ) {}

  /** Display name, language, home (DESIGN.md §4.1 "Profile and addresses"). */
  @Patch()
  @ApiOkResponse({ schema: responseSchema(meSchema) })
  update(@CurrentUser() principal: Principal, @ValidBody(updateMeSchema) body: UpdateMeInput) {
    return this.settings.update(principal.userId, body);
  }

  /** Everything about me, machine readable, with a signed reputation attestation. */
  @Get('export')
  @ApiOkResponse({ schema: responseSchema(accountExportSchema) })
  async export(@CurrentUser() principal: Principal, @Res({ passthrough: true }) res: Response) {
    const data = await this.account.export(principal.userId);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="partagora-export-${String(data.exportedAt).slice(0, 10)}.json"`,
    );
    return data;
  }

  /** Erasure (DESIGN.md §4.1); the password confirms it. Wrong password: 401 INVALID_CREDENTIALS. */
  @Delete()
  @HttpCode(204)
  @RateLimit('auth')
  @ApiNoContentResponse({ description: 'Erased; every session has ended' })
  async erase(
    @CurrentUser() principal: Principal,
    @ValidBody(deleteAccountSchema) body: DeleteAccountInput,
  ): Promise<void> {
    await this.account.erase(principal.userId, body.password);
  }
}

/**
 * The instance's public signing keys, at the origin's root (RFC 8615), outside `/api/v1`:
 * `http-app.ts` excludes this path from the global prefix.
 */
@ApiTags('me')
@Controller({ path: '.well-known', version: VERSION_NEUTRAL })
export class JwksController {
  constructor(private readonly attestations: AttestationService) {}

  @Public()
  @Get('jwks.json')
  jwks(@Res({ passthrough: true }) res: Response) {
    res.setHeader('Cache-Control', 'public, max-age=3600');
    return this.attestations.jwks();
  }
}
