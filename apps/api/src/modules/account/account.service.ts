import { Injectable } from '@nestjs/common';
import { verify } from '@node-rs/argon2';
import {
  type AttestedReputation,
  DomainError,
  EXPORT_SECTION_NAMES,
  EXCHANGE_KINDS,
  attestedReputationSchema,
} from '@partagora/domain';
import { DataSource } from 'typeorm';
import { AccountDataRegistry } from '../../common/account-data/account-data.registry';
import { afterCommit } from '../../common/after-commit';
import { Clock } from '../../common/clock';
import { transactionWithRetry } from '../../common/sql';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service';
import { UsersService } from '../users/users.service';
import { AttestationService } from './attestation.service';

/** What the instance attests when no module says otherwise (a member with no history). */
function emptyReputation(): Omit<AttestedReputation, 'memberSince' | 'verified'> {
  const completed = Object.fromEntries([...EXCHANGE_KINDS, 'total'].map((k) => [k, 0]));
  return {
    completed,
    onTimeReturns: 0,
    lateReturns: 0,
    noShows: 0,
  };
}

/**
 * "A member can leave with their data and their reputation" (DESIGN.md §1, §4.1): the export
 * gathers what every module registered in `AccountDataRegistry`, with a signed attestation of the
 * reputation; the erasure runs every registered step in one transaction.
 */
@Injectable()
export class AccountService {
  constructor(
    private readonly ds: DataSource,
    private readonly users: UsersService,
    private readonly registry: AccountDataRegistry,
    private readonly attestations: AttestationService,
    private readonly limits: RateLimitService,
    private readonly clock: Clock,
  ) {}

  async export(userId: string): Promise<Record<string, unknown>> {
    const now = this.clock.now();
    const user = await this.users.findMe(userId);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'This account no longer exists');
    const contributors = this.registry.exportContributors();
    const [sections, figures] = await Promise.all([
      Promise.all(
        contributors.map((c) =>
          c.exportSections ? c.exportSections(userId) : Promise.resolve({}),
        ),
      ),
      Promise.all(
        contributors.map((c) => (c.reputation ? c.reputation(userId) : Promise.resolve({}))),
      ),
    ]);
    const empty: Record<string, unknown> = Object.fromEntries(
      EXPORT_SECTION_NAMES.map((n) => [n, [] as unknown[]]),
    );
    const reputation = attestedReputationSchema.parse(
      Object.assign(
        { ...emptyReputation(), memberSince: user.createdAt, verified: false },
        ...figures,
      ),
    );
    return {
      exportedAt: now.toISOString(),
      format: 'partagora-export/1',
      issuer: this.attestations.issuer,
      user,
      ...(Object.assign(empty, ...sections) as Record<string, unknown>),
      attestation: await this.attestations.sign(userId, reputation, now),
    };
  }

  /**
   * `DELETE /me`. The password is checked first, with the failures counted per member (a stolen
   * access token cannot guess it either); then each step's `prepare` (outside: it goes through
   * its module's own transactions), then every `erase` in one transaction.
   */
  async erase(userId: string, password: string): Promise<void> {
    const hash = await this.users.passwordHashOf(userId);
    if (!hash) throw new DomainError('UNAUTHENTICATED', 'This account no longer exists');
    const key = `erase:u:${userId}`;
    await this.limits.consume('login.account', key);
    if (!(await verify(hash, password).catch(() => false))) {
      throw new DomainError('INVALID_CREDENTIALS', 'Wrong password');
    }
    await this.limits.reset('login.account', key);

    const steps = this.registry.erasureSteps();
    for (const step of steps) await step.prepare?.(userId);
    const now = this.clock.now();
    // Re-run whole if PostgreSQL picks it as a deadlock victim (it locks listings and exchanges
    // in the same order as every writer, so this is a safety net).
    await transactionWithRetry(this.ds, async (manager) => {
      for (const step of steps) {
        await step.erase({
          userId,
          manager,
          now,
          afterCommit: (hook) => afterCommit(manager, hook),
        });
      }
    });
  }
}
