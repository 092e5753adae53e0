import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  EVENT_REMINDER_HORIZON_MS,
  EVENT_REMINDER_LEAD_MS,
  eventReminderDueAt,
  eventReminderPending,
} from '@partagora/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { JobsService } from '../../infra/queues/jobs.service';
import { SweepingService } from '../../infra/queues/periodic-sweep';
import { JobName } from '../../infra/queues/queue-names';
import { OutboxRepository } from '../outbox/outbox.repository';
import { OutboxService } from '../outbox/outbox.service';
import { EventsRepository } from './events.repository';

/** BullMQ job ids may not contain ':'. One per event, member and start. */
export const eventReminderJobId = (eventId: string, userId: string, startsAt: Date) =>
  `event-reminder-${eventId}-${userId}-${startsAt.getTime()}`;

/**
 * The day-before reminders of events as BullMQ delayed jobs, recreated from the database by a
 * sweep (at boot and every `REMINDER_SWEEP_MS`) like the exchange reminders. `reminded_at`,
 * set in the transaction that writes the outbox row, makes "never twice" the database's fact:
 * a job re-added after it ran finds the member reminded and does nothing.
 */
@Injectable()
export class EventRemindersService extends SweepingService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: EventsRepository,
    private readonly jobs: JobsService,
    private readonly outboxRows: OutboxRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super('event reminder sweep', new Logger(EventRemindersService.name));
  }

  protected sweepEveryMs(): number {
    return this.config.reminderSweepMs;
  }

  protected async sweepOnce(): Promise<number> {
    const now = this.clock.now();
    const until = new Date(now.getTime() + EVENT_REMINDER_LEAD_MS + EVENT_REMINDER_HORIZON_MS);
    let added = 0;
    for (const c of await this.repo.reminderCandidates(now, until)) {
      await this.jobs.enqueueAt(
        JobName.EventReminder,
        { eventId: c.eventId, userId: c.userId, startsAt: c.startsAt.toISOString() },
        eventReminderJobId(c.eventId, c.userId, c.startsAt),
        eventReminderDueAt(c.startsAt),
        now,
      );
      added++;
    }
    return added;
  }

  /** Sends one reminder if it is still due: still going, not reminded, same start, not started. */
  async fire(eventId: string, userId: string, startsAt: string): Promise<void> {
    const now = this.clock.now();
    const id = await this.ds.transaction(async (manager) => {
      const s = await this.repo.reminderSubject(manager, eventId, userId);
      if (!s || !eventReminderPending(s, now)) return null;
      // The event moved since this job was scheduled: the sweep schedules the new date's.
      if (s.startsAt.getTime() !== new Date(startsAt).getTime()) return null;
      await this.repo.markReminded(manager, eventId, userId);
      return this.outboxRows.add(manager, 'event.reminder', { eventId, userId });
    });
    if (id) await this.outbox.publish([id]);
  }
}
