import { Injectable, Logger } from '@nestjs/common';
import { JobsService } from '../../infra/queues/jobs.service';
import { JobName } from '../../infra/queues/queue-names';
import { OutboxRepository } from './outbox.repository';

/** Outbox id → BullMQ job id, so a row is never queued twice while its job exists. */
export const outboxJobId = (id: string) => `outbox-${id}`;

@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);

  constructor(
    private readonly repo: OutboxRepository,
    private readonly jobs: JobsService,
  ) {}

  /**
   * After commit: try to queue the rows now for low latency. Never throws and never blocks long;
   * rows that could not be queued are picked up by the relay sweep.
   */
  async publish(ids: string[], revive = false): Promise<number> {
    const queued: string[] = [];
    for (const id of ids) {
      try {
        const data = { outboxId: id };
        if (revive) {
          await this.jobs.enqueueOrRevive(JobName.DeliverOutboxEvent, data, outboxJobId(id));
        } else {
          await this.jobs.enqueue(JobName.DeliverOutboxEvent, data, { jobId: outboxJobId(id) });
        }
        queued.push(id);
      } catch (err) {
        this.logger.warn(`outbox ${id} left for the relay: ${(err as Error).message}`);
        break;
      }
    }
    try {
      await this.repo.markEnqueued(queued);
    } catch (err) {
      this.logger.warn(`could not mark outbox rows enqueued: ${(err as Error).message}`);
    }
    return queued.length;
  }

  /**
   * One sweep of the relay: re-enqueue rows never queued, or queued long ago and still not
   * processed (job lost with Redis, or its BullMQ retries ran out: it is retried until the row's
   * attempts reach OUTBOX_MAX_ATTEMPTS). Dead rows are never re-enqueued.
   */
  async relayDue(staleAfterSeconds = 60, batch = 500): Promise<number> {
    return this.publish(await this.repo.dueForRelay(staleAfterSeconds, batch), true);
  }
}
