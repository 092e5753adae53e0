import { Inject, Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import {
  type OutboxEventType,
  OutboxPayloadError,
  assertOutboxWiring,
  readOutboxEvent,
} from '@partagora/domain';
import type { Job } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { JobPayloads } from '../../infra/queues/job-payloads';
import { JobName, QueueName } from '../../infra/queues/queue-names';
import {
  OUTBOX_HANDLERS,
  type OutboxHandler,
  handlerClassOf,
  subscriptionsOf,
} from './outbox-handlers';
import { OutboxRepository, type OutboxRow } from './outbox.repository';

type OutboxJob = Job<JobPayloads[JobName.DeliverOutboxEvent], void, JobName.DeliverOutboxEvent>;

@Processor(QueueName.Outbox, { concurrency: 10 })
export class OutboxProcessor extends WorkerHost {
  private readonly logger = new Logger(OutboxProcessor.name);
  private readonly handlers = new Map<OutboxEventType, OutboxHandler<never>[]>();
  private readonly maxAttempts: number;

  /**
   * Checks the handlers it was given against the registry (throws `OutboxWiringError`, so the
   * worker does not start): every type handled or declared handler-less, no unknown type.
   */
  constructor(
    private readonly repo: OutboxRepository,
    @Inject(OUTBOX_HANDLERS) handlers: OutboxHandler<never>[],
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    assertOutboxWiring(subscriptionsOf(handlers.map(handlerClassOf)));
    for (const h of handlers) {
      for (const type of handlerClassOf(h).handles) {
        this.handlers.set(type, [...(this.handlers.get(type) ?? []), h]);
      }
    }
    this.maxAttempts = config.outboxMaxAttempts;
  }

  async process(job: OutboxJob): Promise<void> {
    switch (job.name) {
      case JobName.DeliverOutboxEvent:
        await this.deliver(job.data.outboxId);
        return;
    }
  }

  /**
   * Idempotent: a processed or dead row is skipped (false). Handlers run in the row's transaction.
   * A failure is counted outside it and rethrown, so BullMQ (then the relay) retries; the row
   * that reaches `OUTBOX_MAX_ATTEMPTS` failures, or fails for a reason retrying cannot fix (a
   * type or payload that does not fit the registry), is dead-lettered instead: logged as an
   * error, not thrown, never retried.
   */
  async deliver(outboxId: string): Promise<boolean> {
    try {
      return await this.repo.processOnce(outboxId, (row, manager) => this.dispatch(row, manager));
    } catch (err) {
      return this.failed(outboxId, err);
    }
  }

  private async dispatch(row: OutboxRow, manager: EntityManager): Promise<void> {
    const event = readOutboxEvent(row);
    const handlers = this.handlers.get(event.type) ?? [];
    // The map holds, for each type, only handlers whose class declares that type.
    for (const h of handlers) await h.handle(event as never, manager);
    this.logger.debug(`outbox ${row.id} (${row.type}) delivered to ${handlers.length} handler(s)`);
  }

  private async failed(outboxId: string, err: unknown): Promise<boolean> {
    const message = err instanceof Error ? err.message : String(err);
    const failure = await this.repo
      .recordFailure(outboxId, message, {
        maxAttempts: this.maxAttempts,
        permanent: err instanceof OutboxPayloadError,
      })
      .catch((bookkeeping: Error) => {
        this.logger.warn(`outbox ${outboxId}: could not record a failure: ${bookkeeping.message}`);
        throw err;
      });
    if (!failure) return false; // processed or dead-lettered meanwhile by another delivery
    if (failure.dead) {
      this.logger.error(
        `outbox ${outboxId} (${failure.type}) dead-lettered after ${failure.attempts} attempt(s), ` +
          `no more retries: ${message}`,
      );
      return false;
    }
    this.logger.warn(
      `outbox ${outboxId} (${failure.type}) attempt ${failure.attempts}/${this.maxAttempts} failed, will retry: ${message}`,
    );
    throw err;
  }
}
