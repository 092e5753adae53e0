import { Injectable } from '@nestjs/common';
import { DomainError } from '@partagora/domain';
import type { Principal } from './principal';

/** What the audit records of one request made with an act token. */
export interface DelegatedRequest {
  method: string;
  path: string;
}

export type DelegatedRequestRecorder = (
  principal: Principal & { actorId: string },
  request: DelegatedRequest,
) => Promise<void>;

/**
 * Assisted mode's audit, at the auth guard: every request made with an act token is recorded
 * before it runs, once, whatever the route. The feature that issues act tokens plugs its recorder
 * in (infrastructure imports no feature module); without one, act tokens are refused.
 */
@Injectable()
export class DelegatedRequestAudit {
  private recorder: DelegatedRequestRecorder | null = null;

  use(recorder: DelegatedRequestRecorder): void {
    this.recorder = recorder;
  }

  async record(principal: Principal & { actorId: string }, request: DelegatedRequest) {
    if (!this.recorder)
      throw new DomainError('UNAUTHENTICATED', 'Act tokens are not accepted here');
    await this.recorder(principal, request);
  }
}
