import { Inject, Injectable, Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { Clock } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { JobPayloads } from '../../infra/queues/job-payloads';
import { JobsService } from '../../infra/queues/jobs.service';
import { SweepingService } from '../../infra/queues/periodic-sweep';
import { JobName, QueueName } from '../../infra/queues/queue-names';
import { PostsService, postAlertJobId } from './posts.service';

/** Scheduled alerts further ahead than this get their delayed job from a later sweep. */
const HORIZON_MS = 2 * 86_400_000;

/**
 * Scheduled alerts as BullMQ delayed jobs, recreated from the database by a sweep (at boot and
 * every `REMINDER_SWEEP_MS`). An alert already due is sent by the sweep itself, from the database
 * alone, so a job lost with Redis delays it by one sweep at most.
 */
@Injectable()
export class PostAlertsScheduler extends SweepingService {
  constructor(
    private readonly posts: PostsService,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super('post alert sweep', new Logger(PostAlertsScheduler.name));
  }

  protected sweepEveryMs(): number {
    return this.config.reminderSweepMs;
  }

  protected async sweepOnce(): Promise<number> {
    const now = this.clock.now();
    let done = 0;
    for (const a of await this.posts.pendingAlerts(new Date(now.getTime() + HORIZON_MS))) {
      if (a.publishAt.getTime() <= now.getTime()) {
        if (await this.posts.dispatchIfDue(a.id)) done++;
        continue;
      }
      await this.jobs.enqueueAt(
        JobName.PostAlert,
        { postId: a.id, dueAt: a.publishAt.toISOString() },
        postAlertJobId(a.id, a.publishAt),
        a.publishAt,
        now,
      );
      done++;
    }
    return done;
  }
}

type PostAlertJob = Job<JobPayloads[JobName.PostAlert], void, JobName.PostAlert>;

@Processor(QueueName.Posts, { concurrency: 5 })
export class PostAlertsProcessor extends WorkerHost {
  constructor(private readonly posts: PostsService) {
    super();
  }

  async process(job: PostAlertJob): Promise<void> {
    switch (job.name) {
      case JobName.PostAlert:
        await this.posts.dispatchIfDue(job.data.postId);
        return;
    }
  }
}
