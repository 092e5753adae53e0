import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { DomainError, type LoginInput, type Me, type RegisterInput } from '@partagora/domain';
import { DataSource } from 'typeorm';
import { SessionCache } from '../../common/auth/session-cache';
import { TokenService } from '../../common/auth/token.service';
import { LocationPrivacyService } from '../../common/location/location-privacy.service';
import { isConstraintViolation } from '../../common/sql';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { RealtimeEmitter } from '../../infra/realtime/realtime-emitter';
import { UsersService } from '../users/users.service';
import { ARGON2, AccountService } from './account.service';
import { LoginThrottle } from './login-throttle';
import { SessionsRepository } from './sessions.repository';

/** A home this far outside the town boundary still registers there (edge-of-town hamlets). */
export const HOME_TOLERANCE_M = 3000;

export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  refreshExpiresAt: Date;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

@Injectable()
export class AuthService {
  /** Verified against when the e-mail is unknown, so timing does not reveal accounts. */
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly users: UsersService,
    private readonly sessions: SessionsRepository,
    private readonly municipalities: MunicipalitiesService,
    private readonly tokens: TokenService,
    private readonly privacy: LocationPrivacyService,
    private readonly realtime: RealtimeEmitter,
    private readonly sessionCache: SessionCache,
    private readonly throttle: LoginThrottle,
    private readonly account: AccountService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async register(input: RegisterInput): Promise<IssuedSession & { user: Me }> {
    this.account.assertNewPassword(input.password);
    const town = await this.municipalities.findRef(input.municipality);
    if (!town) {
      throw new DomainError('VALIDATION_FAILED', `No partner town "${input.municipality}"`, [
        { path: 'municipality', message: 'Unknown town' },
      ]);
    }
    if (!(await this.municipalities.isNear(town.id, input.home, HOME_TOLERANCE_M))) {
      throw new DomainError(
        'HOME_OUTSIDE_MUNICIPALITY',
        'Your home must be in or near the chosen town',
        [{ path: 'home', message: 'Outside the town' }],
      );
    }
    const passwordHash = await hash(input.password, ARGON2);
    // The id is chosen here because the home's public point is keyed by it.
    const id = randomUUID();
    const homePublic = this.privacy.homePublicPoint(id, input.home, town.settings);
    try {
      return await this.ds.transaction(async (manager) => {
        const userId = await this.users.create(manager, {
          id,
          email: input.email,
          passwordHash,
          displayName: input.displayName,
          municipalityId: town.id,
          home: input.home,
          homePublic,
          locale: input.locale ?? 'fr',
          roles: ['resident'],
        });
        const issued = await this.openSession(manager, userId);
        await this.account.sendEmailConfirmation(manager, userId);
        const user = await this.users.findMe(userId, manager);
        return { ...issued, user: user! };
      });
    } catch (err) {
      if (isConstraintViolation(err, 'uq_users_email')) {
        throw new DomainError('EMAIL_TAKEN', 'An account already uses this e-mail', [
          { path: 'email', message: 'Already registered' },
        ]);
      }
      throw err;
    }
  }

  /** `address`: the rate-limit key of the client address (failures are counted there too). */
  async login(input: LoginInput, address: string): Promise<IssuedSession> {
    const attempt = await this.throttle.attempt(input.email, address);
    const found = await this.users.findCredentials(input.email);
    this.dummyHash ??= hash('not-a-password-of-anyone', ARGON2);
    const ok = await verify(found?.passwordHash ?? (await this.dummyHash), input.password);
    if (!found || !ok) throw new DomainError('INVALID_CREDENTIALS', 'Wrong e-mail or password');
    await attempt.succeeded();
    // Only after the right password: a stranger does not learn that an account is suspended.
    if (found.suspended)
      throw new DomainError(
        'ACCOUNT_SUSPENDED',
        "This account is suspended by the town's moderators",
      );
    return this.ds.transaction((manager) => this.openSession(manager, found.id));
  }

  async refresh(refreshToken: string | undefined): Promise<IssuedSession> {
    if (!refreshToken) throw new DomainError('INVALID_REFRESH_TOKEN', 'No session to refresh');
    const oldHash = sha256(refreshToken);
    const next = this.newRefreshToken();
    const rotated = await this.sessions.rotate(oldHash, sha256(next.token), next.expiresAt);
    if (!rotated) {
      const stolen = await this.sessions.revokeByPreviousHash(oldHash);
      if (stolen) {
        await this.sessionCache.revoke({ sessionIds: [stolen] });
        this.realtime.disconnectSession(stolen);
      }
      throw new DomainError('INVALID_REFRESH_TOKEN', 'This session has ended; sign in again');
    }
    return {
      accessToken: this.tokens.signAccess({
        userId: rotated.userId,
        sessionId: rotated.id,
      }),
      refreshToken: next.token,
      refreshExpiresAt: next.expiresAt,
    };
  }

  /** Ends the session of the refresh cookie and/or of the access token; sockets follow. */
  async logout(refreshToken: string | undefined, sessionId: string | undefined): Promise<void> {
    const ended = new Set<string>();
    if (refreshToken) {
      const id = await this.sessions.revokeByRefreshHash(sha256(refreshToken));
      if (id) ended.add(id);
    }
    if (sessionId) {
      await this.sessions.revoke(sessionId);
      ended.add(sessionId);
    }
    // Forgotten by every process before the logout answers.
    if (ended.size > 0) await this.sessionCache.revoke({ sessionIds: [...ended] });
    for (const id of ended) this.realtime.disconnectSession(id);
  }

  private async openSession(
    manager: import('typeorm').EntityManager,
    userId: string,
  ): Promise<IssuedSession> {
    const next = this.newRefreshToken();
    const sessionId = await this.sessions.create(
      manager,
      userId,
      sha256(next.token),
      next.expiresAt,
    );
    return {
      accessToken: this.tokens.signAccess({ userId, sessionId }),
      refreshToken: next.token,
      refreshExpiresAt: next.expiresAt,
    };
  }

  private newRefreshToken(): { token: string; expiresAt: Date } {
    return {
      token: randomBytes(32).toString('base64url'),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000),
    };
  }
}
