import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  AccountDataRegistry,
  type ErasureContext,
  type ErasureStep,
} from '../../common/account-data/account-data.registry';
import { SessionCache } from '../../common/auth/session-cache';
import { RealtimeEmitter } from '../../infra/realtime/realtime-emitter';

/**
 * The auth module's part of the erasure: every session of the member ends (their rows go: access
 * tokens die at the next request, refresh tokens find nothing), and their sockets are
 * disconnected once it has committed.
 */
@Injectable()
export class SessionsAccountData implements ErasureStep, OnModuleInit {
  readonly name = 'sessions';
  readonly order = 900;

  constructor(
    private readonly registry: AccountDataRegistry,
    private readonly realtime: RealtimeEmitter,
    private readonly sessionCache: SessionCache,
  ) {}

  onModuleInit(): void {
    this.registry.addErasureStep(this);
  }

  async erase({ manager, userId, afterCommit }: ErasureContext): Promise<void> {
    await manager.query(`DELETE FROM sessions WHERE user_id = $1`, [userId]);
    afterCommit(() => {
      void this.sessionCache.revoke({ userId });
      this.realtime.disconnectUser(userId);
    });
  }
}
