import { Injectable } from '@nestjs/common';
import { DomainError } from '@partagora/domain';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../sql';
import type { Principal } from './principal';
import { SessionCache } from './session-cache';
import { TokenService } from './token.service';

// A suspension ends the sessions; the join also refuses one a sign-in opened concurrently.
// An act token (assisted mode) also needs its staff member still there and not suspended.
const OPEN_SESSION_SQL = `SELECT s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()
    AND u.suspended_at IS NULL
    AND ($3::uuid IS NULL OR EXISTS (
          SELECT 1 FROM users a WHERE a.id = $3 AND a.suspended_at IS NULL AND a.erased_at IS NULL))`;

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
    // Act tokens are checked every time: the cache knows sessions, not the staff acting in them.
    const acting = principal.actorId ?? null;
    if (!acting && this.sessions.isOpen(principal.sessionId, principal.userId)) return principal;
    const generation = this.sessions.generation;
    const rows = await preparedQuery<{ expires_at: Date }>(this.ds, OPEN_SESSION_SQL, [
      principal.sessionId,
      principal.userId,
      acting,
    ]);
    if (rows.length === 0)
      throw new DomainError('UNAUTHENTICATED', 'This session has ended; sign in again');
    if (!acting) {
      this.sessions.remember(
        principal.sessionId,
        principal.userId,
        rows[0]!.expires_at,
        generation,
      );
    }
    return principal;
  }
}

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}
