import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { JobPayloads } from '../../infra/queues/job-payloads';
import { JobName, QueueName } from '../../infra/queues/queue-names';
import { EventRemindersService } from './event-reminders.service';

type EventReminderJob = Job<JobPayloads[JobName.EventReminder], void, JobName.EventReminder>;

@Processor(QueueName.Events, { concurrency: 5 })
export class EventRemindersProcessor extends WorkerHost {
  constructor(private readonly reminders: EventRemindersService) {
    super();
  }

  async process(job: EventReminderJob): Promise<void> {
    switch (job.name) {
      case JobName.EventReminder:
        await this.reminders.fire(job.data.eventId, job.data.userId, job.data.startsAt);
        return;
    }
  }
}
