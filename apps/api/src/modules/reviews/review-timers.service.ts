import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  REVIEW_REMINDER_DELAY_MS,
  type ReviewTimerSubject,
  type ReviewTimerType,
  reviewReminderRecipients,
  reviewTimersToSchedule,
} from '@partagora/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { JobsService } from '../../infra/queues/jobs.service';
import { SweepingService } from '../../infra/queues/periodic-sweep';
import { JobName } from '../../infra/queues/queue-names';
import { ExchangesService } from '../exchanges/exchanges.service';
import { OutboxRepository } from '../outbox/outbox.repository';
import { OutboxService } from '../outbox/outbox.service';
import { type ReviewTimerCandidate, ReviewsRepository } from './reviews.repository';
import { ReviewsService, reviewTimerJobId } from './reviews.service';

const toSubject = (c: ReviewTimerCandidate): ReviewTimerSubject => ({
  completedAt: c.completedAt,
  authorIds: c.roles.map((role) => (role === 'owner' ? c.ownerId : c.requesterId)),
  revealed: c.revealed,
});

/**
 * The review timers (the "leave a review" reminder, the 14-day reveal) as BullMQ delayed jobs,
 * recreated from the database by a sweep at boot and every `REMINDER_SWEEP_MS`, like the
 * exchange reminders: a job lost with Redis comes back, one that ran is not re-added.
 */
@Injectable()
export class ReviewTimersService extends SweepingService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: ReviewsRepository,
    private readonly reviews: ReviewsService,
    private readonly exchanges: ExchangesService,
    private readonly jobs: JobsService,
    private readonly outboxRows: OutboxRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super('review timer sweep', new Logger(ReviewTimersService.name));
  }

  protected sweepEveryMs(): number {
    return this.config.reminderSweepMs;
  }

  protected async sweepOnce(): Promise<number> {
    let added = 0;
    const now = this.clock.now();
    // A reminder is kept up to a day late (`reviewTimersToSchedule`): look that far back.
    const window = REVIEW_REMINDER_DELAY_MS + 86_400_000;
    for (const c of await this.repo.timerCandidates(now, window)) {
      for (const t of reviewTimersToSchedule(toSubject(c), now)) {
        await this.jobs.enqueueAt(
          JobName.ReviewTimer,
          { exchangeId: c.id, type: t.type, dueAt: t.dueAt.toISOString() },
          reviewTimerJobId(c.id, t.type, t.dueAt),
          t.dueAt,
          now,
        );
        added++;
      }
    }
    return added;
  }

  /** Runs one fired timer against the exchange as it is now (idempotent). */
  async fire(exchangeId: string, type: ReviewTimerType): Promise<void> {
    switch (type) {
      case 'reveal':
        await this.reviews.revealIfDue(exchangeId);
        return;
      case 'remind':
        await this.remind(exchangeId);
        return;
    }
  }

  private async remind(exchangeId: string): Promise<void> {
    const now = this.clock.now();
    const id = await this.ds.transaction(async (manager) => {
      const ex = await this.exchanges.reviewSubject(manager, exchangeId, true);
      if (!ex || ex.status !== 'completed' || !ex.completedAt) return null;
      const rows = await this.repo.forExchange(exchangeId, manager);
      const subject: ReviewTimerSubject = {
        completedAt: ex.completedAt,
        authorIds: rows.map((r) => (r.author_role === 'owner' ? ex.ownerId : ex.requesterId)),
        revealed: rows.some((r) => r.revealed_at !== null),
      };
      const recipientIds = reviewReminderRecipients([ex.ownerId, ex.requesterId], subject, now);
      if (recipientIds.length === 0) return null;
      return this.outboxRows.add(manager, 'review.reminder', { exchangeId, recipientIds });
    });
    if (id) await this.outbox.publish([id]);
  }
}
