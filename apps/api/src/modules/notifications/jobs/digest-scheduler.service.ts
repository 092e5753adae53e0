import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { JobsService } from '../../../infra/queues/jobs.service';
import { JobName } from '../../../infra/queues/queue-names';

/** Every day at 18:00, Paris time (BullMQ job scheduler, so one run whatever the worker count). */
export const DIGEST_SCHEDULE = {
  id: 'daily-digest',
  pattern: '0 18 * * *',
  tz: 'Europe/Paris',
} as const;

const RETRY_MS = { first: 1000, max: 60_000 };

/**
 * Registers the digest schedule when the worker starts. Idempotent (upsert by id); while Redis is
 * unreachable it retries with backoff instead of failing the boot.
 */
@Injectable()
export class DigestSchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DigestSchedulerService.name);
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly jobs: JobsService) {}

  onApplicationBootstrap(): void {
    this.attempt(RETRY_MS.first);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private attempt(nextDelayMs: number): void {
    this.timer = setTimeout(() => {
      this.jobs
        .schedule(
          DIGEST_SCHEDULE.id,
          JobName.SendDigests,
          {},
          { pattern: DIGEST_SCHEDULE.pattern, tz: DIGEST_SCHEDULE.tz },
        )
        .then(() => this.logger.log('daily digest scheduled (18:00 Europe/Paris)'))
        .catch((err: Error) => {
          if (this.stopped) return;
          this.logger.warn(`could not schedule the digest yet: ${err.message}`);
          this.attempt(Math.min(nextDelayMs * 2, RETRY_MS.max));
        });
    }, nextDelayMs);
  }
}
