import { type KeyObject, createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@partagora/domain';
import jwt from 'jsonwebtoken';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { Principal } from './principal';

interface AccessClaims {
  sub: string;
  sid: string;
  /** Assisted mode (RFC 8693 style): the staff member acting for `sub`. */
  act?: { sub: string };
}

/** Signs and verifies access tokens (HS256 JWT carrying the user and session ids). */
@Injectable()
export class TokenService {
  /**
   * The secret as a key object made once: given a string, jsonwebtoken builds one on every call
   * (createSecretKey was 12 % of the API's CPU per search request; docs/decisions/0016).
   */
  private readonly key: KeyObject;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

  signAccess(principal: Principal): string {
    const claims: AccessClaims = {
      sub: principal.userId,
      sid: principal.sessionId,
    };
    return jwt.sign(claims, this.key, {
      algorithm: 'HS256',
      expiresIn: this.config.accessTokenTtlSeconds,
      issuer: 'partagora',
    });
  }

  /** An act token: `actorId` (staff) acts for `principal.userId` for `ttlSeconds`. */
  signDelegated(principal: Principal, actorId: string, ttlSeconds: number): string {
    const claims: AccessClaims = {
      sub: principal.userId,
      sid: principal.sessionId,
      act: { sub: actorId },
    };
    return jwt.sign(claims, this.config.jwtSecret, {
      algorithm: 'HS256',
      expiresIn: ttlSeconds,
      issuer: 'partagora',
    });
  }

  /** Signature and expiry only; the session check is `AccessVerifier`'s. */
  verifyAccess(token: string): Principal {
    try {
      const claims = jwt.verify(token, this.key, {
        algorithms: ['HS256'],
        issuer: 'partagora',
      }) as Partial<AccessClaims>;
      if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string')
        throw new Error('claims');
      const actorId = claims.act?.sub;
      if (claims.act !== undefined && typeof actorId !== 'string') throw new Error('act');
      return {
        userId: claims.sub,
        sessionId: claims.sid,
        ...(actorId ? { actorId } : {}),
      };
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'Missing, invalid or expired access token');
    }
  }
}
