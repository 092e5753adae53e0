import type { ReminderType, ReviewTimerType } from '@partagora/domain';
import type { JobName } from './queue-names';

/** Jobs carry ids, never entities (the database is the truth). */
export interface JobPayloads {
  [JobName.DeliverOutboxEvent]: { outboxId: string };
  [JobName.ExchangeReminder]: { exchangeId: string; type: ReminderType; dueAt: string };
  /** The daily digest run: everything pending at run time is sent. */
  [JobName.SendDigests]: Record<string, never>;
  /** The review reminder or the 14-day reveal of one completed exchange. */
  [JobName.ReviewTimer]: { exchangeId: string; type: ReviewTimerType; dueAt: string };
  /** A scheduled town alert's publication time: it goes out if still due. */
  [JobName.PostAlert]: { postId: string; dueAt: string };
}
