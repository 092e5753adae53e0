import type { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { OutboxRow } from './outbox.repository';

/** What reacts to an outbox fact; registered by feature modules (notifications, alerts…). */
export interface OutboxHandler {
  readonly type: string;
  handle(row: OutboxRow, manager: EntityManager): Promise<void>;
}

export const OUTBOX_HANDLERS = Symbol('OUTBOX_HANDLERS');

/**
 * The payload of `row` read with `schema`, or null (logged) when it does not fit: a row from an
 * older or newer version is skipped and marked processed rather than retried forever.
 */
export function outboxPayload<T extends z.ZodType>(
  row: OutboxRow,
  schema: T,
  logger: Logger,
): z.infer<T> | null {
  const parsed = schema.safeParse(row.payload);
  if (parsed.success) return parsed.data;
  logger.warn(`outbox ${row.id} (${row.type}): unexpected payload, skipped`);
  return null;
}
