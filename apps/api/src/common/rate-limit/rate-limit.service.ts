import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DomainError } from '@partagora/domain';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { redisConnection } from '../../infra/queues/redis-connection';
import {
  RATE_LIMIT_POLICY_NAMES,
  type RateLimitPolicy,
  type RateLimitPolicyName,
  rateLimitPolicies,
} from './rate-limit.policies';
import { RateLimitedError } from './rate-limited.error';

/** A store failure is logged at most this often per policy (a Redis outage is not a log flood). */
const STORE_WARNING_EVERY_MS = 10_000;

/**
 * The rate limits, counted in Redis so every API process shares them (rate-limiter-flexible's
 * fixed windows, one atomic script per check). Never hangs: while Redis is down a check fails at
 * once, and a hung Redis times out after 500 ms; the policy then refuses or allows.
 */
@Injectable()
export class RateLimitService implements OnModuleDestroy {
  private readonly logger = new Logger(RateLimitService.name);
  private readonly redis: Redis;
  private readonly policies: Record<RateLimitPolicyName, RateLimitPolicy>;
  private readonly limiters: Record<RateLimitPolicyName, RateLimiterRedis>;
  /**
   * For the `blockInMemory` policies, the same budget counted in this process first: a burst is
   * refused here once this process alone has seen too much, without waiting for Redis to say so
   * (a burst sent at once would otherwise reach Redis whole before the first answer comes back).
   */
  private readonly local: Partial<Record<RateLimitPolicyName, RateLimiterMemory>>;
  private readonly lastWarning = new Map<RateLimitPolicyName, number>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = redisConnection(config.redisUrl, 'limiter');
    this.redis.on('error', () => undefined);
    this.policies = rateLimitPolicies(config);
    this.limiters = Object.fromEntries(
      RATE_LIMIT_POLICY_NAMES.map((name) => {
        const p = this.policies[name];
        return [
          name,
          new RateLimiterRedis({
            storeClient: this.redis,
            keyPrefix: `rl:${name}`,
            points: p.points,
            duration: p.durationSeconds,
            blockDuration: p.blockSeconds,
            rejectIfRedisNotReady: true,
            ...(p.blockInMemory ? { inMemoryBlockOnConsumed: p.points + 1 } : {}),
          }),
        ];
      }),
    ) as Record<RateLimitPolicyName, RateLimiterRedis>;
    this.local = Object.fromEntries(
      RATE_LIMIT_POLICY_NAMES.filter((name) => this.policies[name].blockInMemory).map((name) => [
        name,
        new RateLimiterMemory({
          keyPrefix: `rl-local:${name}`,
          points: this.policies[name].points,
          duration: this.policies[name].durationSeconds,
        }),
      ]),
    );
  }

  policy(name: RateLimitPolicyName): RateLimitPolicy {
    return this.policies[name];
  }

  /**
   * Counts one point for `key` under `name`. Throws `RateLimitedError` over the budget, and
   * RATE_LIMIT_UNAVAILABLE when Redis cannot answer and the policy refuses then.
   */
  async consume(name: RateLimitPolicyName, key: string): Promise<void> {
    try {
      await this.local[name]?.consume(key);
      await this.limiters[name].consume(key);
    } catch (err) {
      if (err instanceof RateLimiterRes) {
        throw new RateLimitedError(Math.max(1, Math.ceil(err.msBeforeNext / 1000)));
      }
      this.storeDown(name, err);
    }
  }

  /** Gives back a point counted by `consume` (best effort: a lost reward only tightens a limit). */
  async reward(name: RateLimitPolicyName, key: string): Promise<void> {
    await this.limiters[name].reward(key).catch((err: unknown) => this.warn(name, err));
  }

  /** Forgets `key`'s count (best effort, as `reward`). */
  async reset(name: RateLimitPolicyName, key: string): Promise<void> {
    await this.limiters[name].delete(key).catch((err: unknown) => this.warn(name, err));
  }

  private storeDown(name: RateLimitPolicyName, err: unknown): void {
    this.warn(name, err);
    if (this.policies[name].whenStoreDown === 'refuse') {
      throw new DomainError(
        'RATE_LIMIT_UNAVAILABLE',
        'This is unavailable for a moment, please retry shortly',
      );
    }
  }

  private warn(name: RateLimitPolicyName, err: unknown): void {
    const now = Date.now();
    if (now - (this.lastWarning.get(name) ?? 0) < STORE_WARNING_EVERY_MS) return;
    this.lastWarning.set(name, now);
    const policy = this.policies[name];
    this.logger.warn(
      `rate limit "${name}" unavailable (${policy.whenStoreDown === 'refuse' ? 'refusing' : 'allowing'}): ${
        (err as Error)?.message ?? String(err)
      }`,
    );
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
