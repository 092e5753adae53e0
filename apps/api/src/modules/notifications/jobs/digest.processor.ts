import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { Clock } from '../../../common/clock';
import type { JobPayloads } from '../../../infra/queues/job-payloads';
import { JobName, QueueName } from '../../../infra/queues/queue-names';
import { NotificationsService } from '../notifications.service';

type DigestJob = Job<JobPayloads[JobName.SendDigests], unknown, JobName.SendDigests>;

/** The daily digest run (one job at a time: two runs would only find each other's claims). */
@Processor(QueueName.Digest, { concurrency: 1 })
export class DigestProcessor extends WorkerHost {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {
    super();
  }

  async process(job: DigestJob): Promise<unknown> {
    switch (job.name) {
      case JobName.SendDigests:
        return this.notifications.sendDigests(this.clock.now());
    }
  }
}
