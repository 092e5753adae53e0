import { Inject, Logger, Optional } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { JobPayloads } from '../../infra/queues/job-payloads';
import { JobName, QueueName } from '../../infra/queues/queue-names';
import { OUTBOX_HANDLERS, type OutboxHandler } from './outbox-handlers';
import { OutboxRepository } from './outbox.repository';

type OutboxJob = Job<JobPayloads[JobName.DeliverOutboxEvent], void, JobName.DeliverOutboxEvent>;

@Processor(QueueName.Outbox, { concurrency: 10 })
export class OutboxProcessor extends WorkerHost {
  private readonly logger = new Logger(OutboxProcessor.name);
  private readonly handlers: Map<string, OutboxHandler[]>;

  constructor(
    private readonly repo: OutboxRepository,
    @Optional() @Inject(OUTBOX_HANDLERS) handlers: OutboxHandler[] = [],
  ) {
    super();
    this.handlers = new Map();
    for (const h of handlers) this.handlers.set(h.type, [...(this.handlers.get(h.type) ?? []), h]);
  }

  async process(job: OutboxJob): Promise<void> {
    switch (job.name) {
      case JobName.DeliverOutboxEvent:
        await this.deliver(job.data.outboxId);
        return;
    }
  }

  /** Idempotent: a processed row is skipped; handlers run in the row's transaction. */
  async deliver(outboxId: string): Promise<boolean> {
    return this.repo.processOnce(outboxId, async (row, manager) => {
      const handlers = this.handlers.get(row.type) ?? [];
      for (const h of handlers) await h.handle(row, manager);
      this.logger.debug(
        `outbox ${row.id} (${row.type}) delivered to ${handlers.length} handler(s)`,
      );
    });
  }
}
