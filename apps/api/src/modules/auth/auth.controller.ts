import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  type LoginInput,
  type RegisterInput,
  accessTokenResponseSchema,
  loginSchema,
  registerResponseSchema,
  registerSchema,
} from '@partagora/domain';
import type { Request, Response } from 'express';
import { AccessVerifier, bearerToken } from '../../common/auth/access-verifier';
import { Public } from '../../common/auth/auth.guard';
import { isSecureRequest } from '../../common/http/security-headers';
import { RateLimit, addressKeyOf } from '../../common/rate-limit/rate-limit.guard';
import { ValidBody, responseSchema } from '../../common/validation/zod-validation';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuthService, type IssuedSession } from './auth.service';

export const REFRESH_COOKIE = 'partagora_refresh';
const COOKIE_PATH = '/api/v1/auth';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
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
