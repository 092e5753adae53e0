import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  REMINDER_HORIZON_MS,
  type ReminderType,
  isTimedStep,
  reminderOutcome,
  remindersToSchedule,
} from '@partagora/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { JobsService } from '../../infra/queues/jobs.service';
import { SweepingService } from '../../infra/queues/periodic-sweep';
import { JobName } from '../../infra/queues/queue-names';
import { OutboxRepository } from '../outbox/outbox.repository';
import { OutboxService } from '../outbox/outbox.service';
import { ExchangesRepository } from './exchanges.repository';
import { ExchangesService } from './exchanges.service';

/** BullMQ job ids may not contain ':'. One id per exchange, type and due time. */
export const reminderJobId = (exchangeId: string, type: ReminderType, dueAt: Date) =>
  `reminder-${exchangeId}-${type}-${dueAt.getTime()}`;

/**
 * Reminders and timed steps as BullMQ delayed jobs, recreated from the database by a sweep (at
 * boot and every `REMINDER_SWEEP_MS`): a job lost with Redis comes back; a job that already ran
 * is not re-added (its job id still exists, or its moment has passed).
 */
@Injectable()
export class RemindersService extends SweepingService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: ExchangesRepository,
    private readonly exchanges: ExchangesService,
    private readonly jobs: JobsService,
    private readonly outboxRows: OutboxRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super('reminder sweep', new Logger(RemindersService.name));
  }

  protected sweepEveryMs(): number {
    return this.config.reminderSweepMs;
  }

  protected async sweepOnce(): Promise<number> {
    let added = 0;
    const now = this.clock.now();
    for (const e of await this.repo.reminderCandidates(now, REMINDER_HORIZON_MS)) {
      for (const r of remindersToSchedule(e, now)) {
        await this.jobs.enqueueAt(
          JobName.ExchangeReminder,
          { exchangeId: e.id, type: r.type, dueAt: r.dueAt.toISOString() },
          reminderJobId(e.id, r.type, r.dueAt),
          r.dueAt,
          now,
        );
        added++;
      }
    }
    return added;
  }

  /** Runs one fired timer, if the exchange still is where the timer expects it. */
  async fire(exchangeId: string, type: ReminderType): Promise<void> {
    const now = this.clock.now();
    const outcome = reminderOutcome(type, await this.repo.reminderSubject(exchangeId), now);
    switch (outcome) {
      case 'skip':
        return;
      case 'expire':
      case 'overdue':
        await this.exchanges.systemAct(exchangeId, outcome);
        return;
      case 'remind': {
        if (isTimedStep(type)) return; // timed steps never remind (reminderOutcome says so)
        const id = await this.ds.transaction((m) =>
          this.outboxRows.add(m, 'exchange.reminder', { exchangeId, type, actorId: null }),
        );
        await this.outbox.publish([id]);
        return;
      }
    }
  }
}
