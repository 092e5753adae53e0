import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { JobPayloads } from './job-payloads';
import { JOB_QUEUE, type JobName, QueueName } from './queue-names';
import { redisConnection } from './redis-connection';

const DEFAULTS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 86_400 },
};

/** Longest a request waits on Redis before giving up (the outbox keeps the fact). */
const ENQUEUE_TIMEOUT_MS = 1500;

/** The only way to add a job. */
@Injectable()
export class JobsService implements OnModuleDestroy {
  private readonly logger = new Logger(JobsService.name);
  private readonly connection: Redis;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.connection = redisConnection(config.redisUrl, 'producer');
    this.connection.on('error', () => undefined);
  }

  async enqueue<N extends JobName>(
    name: N,
    data: JobPayloads[N],
    opts: JobsOptions = {},
  ): Promise<void> {
    const queue = this.queue(JOB_QUEUE[name]);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        queue.add(name, data, { ...DEFAULTS, ...opts }),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error('Redis did not answer in time')),
            ENQUEUE_TIMEOUT_MS,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * A delayed job due at `dueAt` (now if past), under a deterministic `jobId`, so a sweep that
   * recreates timers from the database adds each one once.
   */
  enqueueAt<N extends JobName>(
    name: N,
    data: JobPayloads[N],
    jobId: string,
    dueAt: Date,
    now: Date,
  ): Promise<void> {
    return this.enqueue(name, data, { jobId, delay: Math.max(0, dueAt.getTime() - now.getTime()) });
  }

  /**
   * Like `enqueue` with a fixed job id, but a job that already ran (failed for good, or completed
   * while its fact is still unprocessed) is retried instead of being silently ignored by BullMQ.
   */
  async enqueueOrRevive<N extends JobName>(
    name: N,
    data: JobPayloads[N],
    jobId: string,
  ): Promise<void> {
    const existing = await this.queue(JOB_QUEUE[name]).getJob(jobId);
    if (existing) {
      const state = await existing.getState();
      if (state === 'failed') {
        await existing.retry('failed');
        return;
      }
      if (state !== 'completed') return; // waiting, delayed or active: it will run
      await existing.remove();
    }
    await this.enqueue(name, data, { jobId });
  }

  /**
   * Creates or updates a recurring job (BullMQ job scheduler, idempotent by `schedulerId`): each
   * run is an ordinary job of `name` with the default retries.
   */
  async schedule<N extends JobName>(
    schedulerId: string,
    name: N,
    data: JobPayloads[N],
    repeat: { pattern: string; tz: string },
  ): Promise<void> {
    const { attempts, backoff, removeOnComplete, removeOnFail } = DEFAULTS;
    await this.queue(JOB_QUEUE[name]).upsertJobScheduler(schedulerId, repeat, {
      name,
      data,
      opts: { attempts, backoff, removeOnComplete, removeOnFail },
    });
  }

  /** Fails at once while Redis is unreachable (no offline queue). */
  async ping(): Promise<void> {
    await this.connection.ping();
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection });
      queue.on('error', (err) => this.logger.warn(`queue ${name}: ${err.message}`));
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    this.connection.disconnect();
  }
}
