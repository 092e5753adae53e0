import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { redisConnection } from '../../infra/queues/redis-connection';

/** The Redis channel every process listens to for ended sessions. */
export const SESSION_REVOKED_CHANNEL = 'partagora:session-revoked';

/** How long a session found open is trusted without asking the database again. */
const MAX_AGE_MS = 30_000;
/** Bound on remembered sessions (oldest forgotten first). */
const MAX_ENTRIES = 50_000;

interface Entry {
  userId: string;
  /** Trusted until then: min(now + MAX_AGE_MS, the session's own expiry). */
  until: number;
}

/** What a revocation message names: sessions, or every session of a user. */
export interface Revocation {
  sessionIds?: readonly string[];
  userId?: string;
}

/**
 * The sessions this process has recently found open, so that the access check is not a database
 * round trip per request (docs/decisions/0016). A session that ends (logout, refresh-token reuse,
 * password change, suspension, erasure) is forgotten at once here and published on Redis so every
 * other process forgets it too before the caller gets its answer.
 *
 * Never trusted blindly: the cache is used only while this process's subscription is up (a
 * process that cannot hear revocations asks the database every time, and forgets everything when
 * it reconnects: messages may have been missed), and a lookup that started before a revocation
 * arrived is not remembered (`generation`), so a check racing a logout cannot resurrect it.
 */
@Injectable()
export class SessionCache implements OnModuleDestroy {
  private readonly logger = new Logger(SessionCache.name);
  private readonly entries = new Map<string, Entry>();
  private readonly sub: Redis;
  private readonly pub: Redis;
  private listening = false;
  private generationValue = 0;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pub = redisConnection(config.redisUrl, 'producer');
    this.pub.on('error', () => undefined);
    this.sub = redisConnection(config.redisUrl, 'pubsub');
    this.sub.on('error', () => undefined);
    this.sub.on('ready', () => {
      this.sub.subscribe(SESSION_REVOKED_CHANNEL).then(
        () => {
          this.forgetAll(); // whatever was published while we were away
          this.listening = true;
        },
        () => undefined,
      );
    });
    for (const ev of ['close', 'end', 'reconnecting'] as const) {
      this.sub.on(ev, () => {
        this.listening = false;
        this.forgetAll();
      });
    }
    this.sub.on('message', (channel: string, message: string) => {
      if (channel !== SESSION_REVOKED_CHANNEL) return;
      try {
        this.forget(JSON.parse(message) as Revocation);
      } catch {
        this.forgetAll();
      }
    });
  }

  /** Changes whenever something is forgotten: a lookup remembers only if it did not change. */
  get generation(): number {
    return this.generationValue;
  }

  isOpen(sessionId: string, userId: string, now = Date.now()): boolean {
    if (!this.listening) return false;
    const e = this.entries.get(sessionId);
    if (!e) return false;
    if (e.userId !== userId || e.until <= now) {
      this.entries.delete(sessionId);
      return false;
    }
    return true;
  }

  /** Remembers a session the database found open, unless a revocation arrived meanwhile. */
  remember(
    sessionId: string,
    userId: string,
    expiresAt: Date,
    generationAtStart: number,
    now = Date.now(),
  ): void {
    if (!this.listening || generationAtStart !== this.generationValue) return;
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(sessionId, {
      userId,
      until: Math.min(now + MAX_AGE_MS, expiresAt.getTime()),
    });
  }

  /**
   * Forgets the sessions here at once and tells every process. Await it before answering the
   * request that ended them; from an after-commit hook it runs without being awaited.
   */
  async revoke(r: Revocation): Promise<void> {
    this.forget(r);
    try {
      await this.pub.publish(SESSION_REVOKED_CHANNEL, JSON.stringify(r));
    } catch (e) {
      // The other processes are not listening either while Redis is down: they ask the database.
      this.logger.warn(`session revocation not published: ${(e as Error).message}`);
    }
  }

  private forget(r: Revocation): void {
    this.generationValue++;
    for (const id of r.sessionIds ?? []) this.entries.delete(id);
    if (r.userId) {
      for (const [id, e] of this.entries) if (e.userId === r.userId) this.entries.delete(id);
    }
  }

  private forgetAll(): void {
    this.generationValue++;
    this.entries.clear();
  }

  async onModuleDestroy(): Promise<void> {
    this.listening = false;
    for (const c of [this.sub, this.pub]) {
      await c.quit().catch(() => undefined);
      c.disconnect();
    }
  }
}
