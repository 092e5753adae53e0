import { Injectable } from '@nestjs/common';
import { DomainError } from '@partagora/domain';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../sql';
import type { Principal } from './principal';
import { SessionCache } from './session-cache';
import { TokenService } from './token.service';

// A suspension ends the sessions; the join also refuses one a sign-in opened concurrently.
const OPEN_SESSION_SQL = `SELECT s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()
    AND u.suspended_at IS NULL`;

/**
 * The one check behind HTTP and socket handshakes: a valid token whose session is still open, so a
 * logout (or a suspension that revokes sessions) takes effect at once. Sessions found open are
 * remembered for a short while by `SessionCache`, which every revocation empties on every process.
 */
@Injectable()
export class AccessVerifier {
  constructor(
    private readonly tokens: TokenService,
    private readonly ds: DataSource,
    private readonly sessions: SessionCache,
  ) {}

  async verify(token: string | undefined | null): Promise<Principal> {
    if (!token) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue');
    const principal = this.tokens.verifyAccess(token);
    if (this.sessions.isOpen(principal.sessionId, principal.userId)) return principal;
    const generation = this.sessions.generation;
    const rows = await preparedQuery<{ expires_at: Date }>(this.ds, OPEN_SESSION_SQL, [
      principal.sessionId,
      principal.userId,
    ]);
    if (rows.length === 0)
      throw new DomainError('UNAUTHENTICATED', 'This session has ended; sign in again');
    this.sessions.remember(principal.sessionId, principal.userId, rows[0]!.expires_at, generation);
    return principal;
  }
}

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}
