import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Algorithm, hash } from '@node-rs/argon2';
import {
  DomainError,
  EMAIL_CONFIRMATION_TTL_MS,
  PASSWORD_RESET_TTL_MS,
  assertAcceptablePassword,
} from '@partagora/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { afterCommit } from '../../common/after-commit';
import { Clock } from '../../common/clock';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service';
import { RateLimitedError } from '../../common/rate-limit/rate-limited.error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { MailService } from '../../infra/mail/mail.service';
import { UsersService } from '../users/users.service';
import type { AccountTokenPurpose } from './account-token.entity';
import { AccountTokensRepository } from './account-tokens.repository';
import { type AccountMailKind, renderAccountMail } from './account-mail';
import { isCommonPassword } from './common-passwords';
import { SessionsService } from './sessions.service';

export const ARGON2 = {
  algorithm: Algorithm.Argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const TTL: Record<AccountTokenPurpose, number> = {
  email_confirmation: EMAIL_CONFIRMATION_TTL_MS,
  password_reset: PASSWORD_RESET_TTL_MS,
};

/**
 * E-mail confirmation and password reset. Link tokens are 32 random bytes, stored as SHA-256,
 * single use, expiring, the newest of a purpose replacing the older ones. The e-mails go from
 * the API process after commit, not through the outbox: the token must not be kept in plain
 * anywhere, and an outbox row keeps its payload. A lost e-mail is asked for again.
 */
@Injectable()
export class AccountService {
  private readonly logger = new Logger(AccountService.name);

  constructor(
    private readonly ds: DataSource,
    private readonly users: UsersService,
    private readonly tokens: AccountTokensRepository,
    private readonly sessions: SessionsService,
    private readonly mail: MailService,
    private readonly limits: RateLimitService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The rule every new password follows (400 on `password` otherwise). */
  assertNewPassword(password: string): void {
    assertAcceptablePassword(password, isCommonPassword);
  }

  hashPassword(password: string): Promise<string> {
    return hash(password, ARGON2);
  }

  /** In the caller's transaction: a confirmation link for the user, e-mailed after commit. */
  async sendEmailConfirmation(manager: EntityManager, userId: string): Promise<void> {
    await this.issueAndMail(manager, userId, 'email_confirmation');
  }

  /** A new confirmation link for a signed-in member whose address is not confirmed yet. */
  async resendEmailConfirmation(userId: string): Promise<void> {
    const me = await this.users.findMe(userId);
    if (!me || me.emailConfirmed) return;
    await this.limits.consume('password-reset.account', `u:${userId}`);
    await this.ds.transaction((m) => this.issueAndMail(m, userId, 'email_confirmation'));
  }

  async confirmEmail(token: string): Promise<void> {
    await this.ds.transaction(async (manager) => {
      const userId = await this.tokens.consume(
        manager,
        'email_confirmation',
        sha256(token),
        this.clock.now(),
      );
      if (!userId) {
        throw new DomainError(
          'EMAIL_CONFIRMATION_INVALID',
          'This confirmation link is invalid, already used or expired',
        );
      }
      await this.users.confirmEmail(manager, userId);
    });
  }

  /**
   * Answers at once whatever the address, and does the work afterwards, so neither the answer
   * nor its timing tells whether an account exists. Over the per-account budget nothing is sent.
   */
  requestPasswordReset(email: string): void {
    this.processResetRequest(email).catch((err: unknown) =>
      this.logger.warn(`password reset request failed: ${(err as Error).message}`),
    );
  }

  private async processResetRequest(email: string): Promise<void> {
    try {
      await this.limits.consume('password-reset.account', `e:${sha256(email)}`);
    } catch (err) {
      if (err instanceof RateLimitedError) return;
      throw err;
    }
    const found = await this.users.findCredentials(email);
    if (!found) return;
    await this.ds.transaction((m) => this.issueAndMail(m, found.id, 'password_reset'));
  }

  /**
   * Sets the new password through a reset link, confirms the address (the link came through it)
   * and ends every session of the account, all in one transaction.
   */
  async resetPassword(token: string, password: string): Promise<void> {
    this.assertNewPassword(password);
    const passwordHash = await this.hashPassword(password);
    await this.ds.transaction(async (manager) => {
      const userId = await this.tokens.consume(
        manager,
        'password_reset',
        sha256(token),
        this.clock.now(),
      );
      if (!userId) {
        throw new DomainError(
          'PASSWORD_RESET_INVALID',
          'This reset link is invalid, already used or expired; ask for a new one',
        );
      }
      await this.users.setPasswordHash(manager, userId, passwordHash);
      await this.users.confirmEmail(manager, userId);
      await this.sessions.endAllFor(userId, undefined, manager);
    });
  }

  private async issueAndMail(
    manager: EntityManager,
    userId: string,
    purpose: AccountMailKind,
  ): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + TTL[purpose]);
    await this.tokens.issue(manager, userId, purpose, sha256(token), expiresAt);
    const [to] = await this.users.notificationContacts(manager, [userId]);
    if (!to) return;
    afterCommit(manager, () => {
      this.mail
        .send(renderAccountMail(purpose, to, token, this.config.publicUrl))
        .catch((err: unknown) =>
          this.logger.warn(`account e-mail (${purpose}) not sent: ${(err as Error).message}`),
        );
    });
  }
}
