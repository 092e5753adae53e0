import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { JobPayloads } from '../../infra/queues/job-payloads';
import { JobName, QueueName } from '../../infra/queues/queue-names';
import { ReviewTimersService } from './review-timers.service';

type ReviewTimerJob = Job<JobPayloads[JobName.ReviewTimer], void, JobName.ReviewTimer>;

@Processor(QueueName.Reviews, { concurrency: 5 })
export class ReviewTimersProcessor extends WorkerHost {
  constructor(private readonly timers: ReviewTimersService) {
    super();
  }

  async process(job: ReviewTimerJob): Promise<void> {
    switch (job.name) {
      case JobName.ReviewTimer:
        await this.timers.fire(job.data.exchangeId, job.data.type);
        return;
    }
  }
}
