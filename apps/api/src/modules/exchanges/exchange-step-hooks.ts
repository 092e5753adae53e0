import { Injectable } from '@nestjs/common';
import type { ExchangeKind, ExchangeStatus } from '@partagora/domain';
import type { EntityManager } from 'typeorm';

/** One step an exchange just took, in the transaction that took it. */
export interface ExchangeStep {
  exchangeId: string;
  listingId: string;
  kind: ExchangeKind;
  from: ExchangeStatus;
  to: ExchangeStatus;
  requesterId: string;
  actorId: string | null;
}

/** Reacts to a step in its transaction; returns the outbox ids it wrote (published after commit). */
export type ExchangeStepHook = (manager: EntityManager, step: ExchangeStep) => Promise<string[]>;

/**
 * Where other modules plug into exchange steps without the exchanges module importing them (the
 * tool library's waiting list hears of returns here): hooks run in the step's transaction.
 */
@Injectable()
export class ExchangeStepHooks {
  private readonly hooks: ExchangeStepHook[] = [];

  register(hook: ExchangeStepHook): void {
    this.hooks.push(hook);
  }

  async run(manager: EntityManager, step: ExchangeStep): Promise<string[]> {
    const ids: string[] = [];
    for (const hook of this.hooks) ids.push(...(await hook(manager, step)));
    return ids;
  }
}
