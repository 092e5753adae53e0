import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  type ConfirmEmailInput,
  type LoginInput,
  type PasswordResetConfirmInput,
  type PasswordResetRequestInput,
  type RegisterInput,
  acceptedResponseSchema,
  accessTokenResponseSchema,
  confirmEmailSchema,
  loginSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  registerResponseSchema,
  registerSchema,
} from '@partagora/domain';
import { z } from 'zod';
import type { Request, Response } from 'express';
import { AccessVerifier, bearerToken } from '../../common/auth/access-verifier';
import { CurrentUser, Public } from '../../common/auth/auth.guard';
import type { Principal } from '../../common/auth/principal';
import { isSecureRequest } from '../../common/http/security-headers';
import { RateLimit, addressKeyOf } from '../../common/rate-limit/rate-limit.guard';
import { ValidBody, responseSchema } from '../../common/validation/zod-validation';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AccountService } from './account.service';
import { AuthService, type IssuedSession } from './auth.service';

export const REFRESH_COOKIE = 'partagora_refresh';
const COOKIE_PATH = '/api/v1/auth';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly account: AccountService,
    private readonly verifier: AccessVerifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Limits fail closed: while Redis is down, sign-up answers 503 RATE_LIMIT_UNAVAILABLE. */
  @Public()
  @Post('register')
  @RateLimit('auth', 'register')
  @ApiCreatedResponse({ schema: responseSchema(registerResponseSchema) })
  async register(
    @ValidBody(registerSchema) body: RegisterInput,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { user, ...issued } = await this.auth.register(body);
    return { user, accessToken: this.setCookie(req, res, issued) };
  }

  /** Failures are counted per account and per address (LoginThrottle); fails closed as sign-up. */
  @Public()
  @Post('login')
  @RateLimit('auth')
  @HttpCode(200)
  @ApiOkResponse({ schema: responseSchema(accessTokenResponseSchema) })
  async login(
    @ValidBody(loginSchema) body: LoginInput,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return {
      accessToken: this.setCookie(req, res, await this.auth.login(body, addressKeyOf(req))),
    };
  }

  /** Every page load refreshes: its own, larger budget, apart from sign-in's. */
  @Public()
  @Post('refresh')
  @RateLimit('refresh')
  @HttpCode(200)
  @ApiOkResponse({ schema: responseSchema(accessTokenResponseSchema) })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    try {
      return {
        accessToken: this.setCookie(req, res, await this.auth.refresh(this.cookie(req))),
      };
    } catch (err) {
      this.clearCookie(req, res);
      throw err;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = bearerToken(req.header('authorization'));
    const sessionId = token
      ? await this.verifier.verify(token).then(
          (p) => p.sessionId,
          () => undefined,
        )
      : undefined;
    await this.auth.logout(this.cookie(req), sessionId);
    this.clearCookie(req, res);
  }

  /** The link of the registration e-mail (valid 24 h, single use). */
  @Public()
  @Post('confirm-email')
  @RateLimit('auth')
  @HttpCode(200)
  @ApiOkResponse({ schema: responseSchema(z.object({ emailConfirmed: z.literal(true) })) })
  async confirmEmail(@ValidBody(confirmEmailSchema) body: ConfirmEmailInput) {
    await this.account.confirmEmail(body.token);
    return { emailConfirmed: true as const };
  }

  /** A new confirmation link for the signed-in member (nothing when already confirmed). */
  @ApiBearerAuth()
  @Post('confirm-email/resend')
  @HttpCode(202)
  @ApiAcceptedResponse({ schema: responseSchema(acceptedResponseSchema) })
  async resendConfirmation(@CurrentUser() principal: Principal) {
    await this.account.resendEmailConfirmation(principal.userId);
    return { accepted: true as const };
  }

  /**
   * Always 202 with the same body, at once, whether or not the address has an account; the
   * e-mail (a link valid 1 h) goes afterwards. Per address: 429 over the budget.
   */
  @Public()
  @Post('password-reset')
  @RateLimit('password-reset')
  @HttpCode(202)
  @ApiAcceptedResponse({ schema: responseSchema(acceptedResponseSchema) })
  requestPasswordReset(@ValidBody(passwordResetRequestSchema) body: PasswordResetRequestInput) {
    this.account.requestPasswordReset(body.email);
    return { accepted: true as const };
  }

  /** Sets the new password; every session of the account ends (sign in again). */
  @Public()
  @Post('password-reset/confirm')
  @RateLimit('auth')
  @HttpCode(200)
  @ApiOkResponse({ schema: responseSchema(z.object({ passwordChanged: z.literal(true) })) })
  async confirmPasswordReset(
    @ValidBody(passwordResetConfirmSchema) body: PasswordResetConfirmInput,
  ) {
    await this.account.resetPassword(body.token, body.password);
    return { passwordChanged: true as const };
  }

  private cookie(req: Request): string | undefined {
    const value = (req.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
    return typeof value === 'string' ? value : undefined;
  }

  /** `Secure` whenever the request is HTTPS (through the trusted proxy) or COOKIE_SECURE forces it. */
  private setCookie(req: Request, res: Response, issued: IssuedSession): string {
    res.cookie(REFRESH_COOKIE, issued.refreshToken, {
      httpOnly: true,
      secure: isSecureRequest(req, this.config),
      sameSite: 'strict',
      path: COOKIE_PATH,
      expires: issued.refreshExpiresAt,
    });
    return issued.accessToken;
  }

  private clearCookie(req: Request, res: Response): void {
    res.clearCookie(REFRESH_COOKIE, {
      path: COOKIE_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: isSecureRequest(req, this.config),
    });
  }
}
