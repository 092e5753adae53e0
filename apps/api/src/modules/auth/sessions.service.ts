import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { afterCommit } from '../../common/after-commit';
import { SessionCache } from '../../common/auth/session-cache';
import { RealtimeEmitter } from '../../infra/realtime/realtime-emitter';
import { SessionsRepository } from './sessions.repository';

/**
 * Ending sessions, for whoever needs it (a password change, a suspension): the sessions are
 * revoked in the database, so their refresh tokens fail and their access tokens are refused at
 * once (every request checks its session), and their live sockets are disconnected.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly realtime: RealtimeEmitter,
    private readonly sessionCache: SessionCache,
  ) {}

  /**
   * A session for an act token (assisted mode): it ends at `expiresAt`, and its refresh hash is of
   * a random token nobody holds, so it cannot be refreshed. Returns its id.
   */
  openDelegated(manager: EntityManager, userId: string, expiresAt: Date): Promise<string> {
    return this.sessions.create(manager, userId, randomBytes(32).toString('hex'), expiresAt);
  }

  /**
   * Ends every open session of `userId` but `exceptSessionId` (the one making the change, when
   * there is one). With `manager`, the revocation joins the caller's transaction and the sockets
   * are disconnected once it commits. Returns the ids of the ended sessions.
   */
  async endAllFor(
    userId: string,
    exceptSessionId?: string,
    manager?: EntityManager,
  ): Promise<string[]> {
    const ended = await this.sessions.revokeAllFor(userId, exceptSessionId, manager);
    // Everything ended (a suspension): every socket of the member goes, on every process.
    // Every process forgets them (the access-check cache), then the sockets go.
    const revocation =
      exceptSessionId === undefined ? { userId, sessionIds: ended } : { sessionIds: ended };
    const disconnect = () => {
      if (exceptSessionId === undefined) this.realtime.disconnectUser(userId);
      else for (const id of ended) this.realtime.disconnectSession(id);
    };
    if (manager) {
      afterCommit(manager, () => {
        void this.sessionCache.revoke(revocation);
        disconnect();
      });
    } else {
      await this.sessionCache.revoke(revocation);
      disconnect();
    }
    return ended;
  }
}
