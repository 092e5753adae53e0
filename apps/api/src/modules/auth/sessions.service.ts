import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { afterCommit } from '../../common/after-commit';
import { RealtimeEmitter } from '../../infra/realtime/realtime-emitter';
import { SessionsRepository } from './sessions.repository';

/** The auth module's face for ending sessions from elsewhere (moderation's suspension). */
@Injectable()
export class SessionsService {
  constructor(
    private readonly repo: SessionsRepository,
    private readonly realtime: RealtimeEmitter,
  ) {}

  /**
   * Ends every session of the user (their access tokens answer 401 from the next request, their
   * refresh tokens are refused) and disconnects their sockets on every API process, through the
   * Redis adapter. With `manager`, in the caller's transaction, the sockets after its commit.
   */
  async endAllFor(userId: string, manager?: EntityManager): Promise<void> {
    await this.repo.revokeAllFor(userId, manager);
    const disconnect = () => this.realtime.disconnectUser(userId);
    if (manager) afterCommit(manager, disconnect);
    else disconnect();
  }
}
