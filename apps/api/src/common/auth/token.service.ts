import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@partagora/domain';
import jwt from 'jsonwebtoken';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { Principal } from './principal';

interface AccessClaims {
  sub: string;
  sid: string;
}

/** Signs and verifies access tokens (HS256 JWT carrying the user and session ids). */
@Injectable()
export class TokenService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  signAccess(principal: Principal): string {
    const claims: AccessClaims = {
      sub: principal.userId,
      sid: principal.sessionId,
    };
    return jwt.sign(claims, this.config.jwtSecret, {
      algorithm: 'HS256',
      expiresIn: this.config.accessTokenTtlSeconds,
      issuer: 'partagora',
    });
  }

  /** Signature and expiry only; the session check is `AccessVerifier`'s. */
  verifyAccess(token: string): Principal {
    try {
      const claims = jwt.verify(token, this.config.jwtSecret, {
        algorithms: ['HS256'],
        issuer: 'partagora',
      }) as Partial<AccessClaims>;
      if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string')
        throw new Error('claims');
      return { userId: claims.sub, sessionId: claims.sid };
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'Missing, invalid or expired access token');
    }
  }
}
