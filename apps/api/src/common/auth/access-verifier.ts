import { Injectable } from '@nestjs/common';
import { DomainError } from '@partagora/domain';
import { DataSource } from 'typeorm';
import type { Principal } from './principal';
import { TokenService } from './token.service';

/**
 * The one check behind HTTP and socket handshakes: a valid token whose session is still open, so a
 * logout (or a suspension that revokes sessions) takes effect at once.
 */
@Injectable()
export class AccessVerifier {
  constructor(
    private readonly tokens: TokenService,
    private readonly ds: DataSource,
  ) {}

  async verify(token: string | undefined | null): Promise<Principal> {
    if (!token) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue');
    const principal = this.tokens.verifyAccess(token);
    const rows = await this.ds.query<unknown[]>(
      // A suspension ends the sessions; the join also refuses one a sign-in opened concurrently.
      `SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()
          AND u.suspended_at IS NULL
          AND ($3::uuid IS NULL OR EXISTS (
                SELECT 1 FROM users a WHERE a.id = $3 AND a.suspended_at IS NULL AND a.erased_at IS NULL))`,
      [principal.sessionId, principal.userId, principal.actorId ?? null],
    );
    if (rows.length === 0)
      throw new DomainError('UNAUTHENTICATED', 'This session has ended; sign in again');
    return principal;
  }
}

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}
