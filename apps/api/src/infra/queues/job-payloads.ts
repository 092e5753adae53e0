import type { JobName } from './queue-names';

/** Jobs carry ids, never entities (the database is the truth). */
export interface JobPayloads {
  [JobName.DeliverOutboxEvent]: { outboxId: string };
}
