import type { EntityManager } from 'typeorm';
import type { OutboxRow } from './outbox.repository';

/** What reacts to an outbox fact; registered by feature modules (notifications, alerts…). */
export interface OutboxHandler {
  readonly type: string;
  handle(row: OutboxRow, manager: EntityManager): Promise<void>;
}

export const OUTBOX_HANDLERS = Symbol('OUTBOX_HANDLERS');
