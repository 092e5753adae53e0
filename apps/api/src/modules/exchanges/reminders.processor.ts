import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { JobPayloads } from '../../infra/queues/job-payloads';
import { JobName, QueueName } from '../../infra/queues/queue-names';
import { RemindersService } from './reminders.service';

type ReminderJob = Job<JobPayloads[JobName.ExchangeReminder], void, JobName.ExchangeReminder>;

@Processor(QueueName.Reminders, { concurrency: 5 })
export class RemindersProcessor extends WorkerHost {
  constructor(private readonly reminders: RemindersService) {
    super();
  }

  async process(job: ReminderJob): Promise<void> {
    switch (job.name) {
      case JobName.ExchangeReminder:
        await this.reminders.fire(job.data.exchangeId, job.data.type);
        return;
    }
  }
}
