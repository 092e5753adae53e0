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

  @Public()
  @Post('register')
  @ApiCreatedResponse({ schema: responseSchema(registerResponseSchema) })
  async register(
    @ValidBody(registerSchema) body: RegisterInput,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { user, ...issued } = await this.auth.register(body);
    return { user, accessToken: this.setCookie(res, issued) };
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ schema: responseSchema(accessTokenResponseSchema) })
  async login(@ValidBody(loginSchema) body: LoginInput, @Res({ passthrough: true }) res: Response) {
    return { accessToken: this.setCookie(res, await this.auth.login(body)) };
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ schema: responseSchema(accessTokenResponseSchema) })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    try {
      return {
        accessToken: this.setCookie(res, await this.auth.refresh(this.cookie(req))),
      };
    } catch (err) {
      this.clearCookie(res);
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
    this.clearCookie(res);
  }

  private cookie(req: Request): string | undefined {
    const value = (req.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
    return typeof value === 'string' ? value : undefined;
  }

  private setCookie(res: Response, issued: IssuedSession): string {
    res.cookie(REFRESH_COOKIE, issued.refreshToken, {
      httpOnly: true,
      secure: this.config.cookieSecure,
      sameSite: 'strict',
      path: COOKIE_PATH,
      expires: issued.refreshExpiresAt,
    });
    return issued.accessToken;
  }

  private clearCookie(res: Response): void {
    res.clearCookie(REFRESH_COOKIE, {
      path: COOKIE_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
    });
  }
}
