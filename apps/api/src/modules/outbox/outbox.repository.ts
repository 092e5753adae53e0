import { Injectable } from '@nestjs/common';
import {
  type OutboxEventType,
  type OutboxPayloadInput,
  parseOutboxPayload,
} from '@partagora/domain';
import { DataSource, type EntityManager } from 'typeorm';

export interface OutboxRow {
  id: string;
  type: string;
  payload: Record<string, unknown>;
}

/** Where a failed row stands once its failure is recorded. */
export interface OutboxFailure {
  type: string;
  attempts: number;
  dead: boolean;
}

export interface DeadOutboxRow {
  id: string;
  type: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  deadAt: Date;
}

/** Longest error message kept in `last_error`. */
const ERROR_MAX = 2000;

@Injectable()
export class OutboxRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Records an event of `type`, inside the transaction of the change it announces. The payload is
   * typed by the registry (libs/domain outbox-events) and validated against its schema before
   * anything is written: a payload that does not fit throws an `OutboxPayloadError`, which rolls
   * the caller's transaction back.
   */
  async add<T extends OutboxEventType>(
    manager: EntityManager,
    type: T,
    payload: OutboxPayloadInput<T>,
  ): Promise<string> {
    const valid = parseOutboxPayload(type, payload);
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO outbox_events (type, payload) VALUES ($1, $2) RETURNING id`,
      [type, JSON.stringify(valid)],
    );
    return String(rows[0]!.id);
  }

  /**
   * Rows to (re-)enqueue: unprocessed and not dead, never enqueued or enqueued long ago and still
   * not processed (lost jobs, or jobs whose retries ran out). Dead rows are never relayed.
   */
  async dueForRelay(staleAfterSeconds: number, limit: number): Promise<string[]> {
    const rows = await this.ds.query<Array<{ id: string }>>(
      `SELECT id FROM outbox_events
        WHERE processed_at IS NULL AND dead_at IS NULL
          AND (enqueued_at IS NULL OR enqueued_at < now() - make_interval(secs => $1))
        ORDER BY id LIMIT $2`,
      [staleAfterSeconds, limit],
    );
    return rows.map((r) => String(r.id));
  }

  async markEnqueued(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.ds.query(
      `UPDATE outbox_events SET enqueued_at = now() WHERE id = ANY($1::bigint[])`,
      [ids],
    );
  }

  /**
   * Runs `handle` on the row under a row lock and marks it processed in the same transaction, so a
   * duplicate delivery finds it processed and does nothing. Processed and dead rows are skipped
   * (false). A failure rolls back the handler's writes and is thrown; the caller records it with
   * `recordFailure`, outside this transaction.
   */
  async processOnce(
    id: string,
    handle: (row: OutboxRow, manager: EntityManager) => Promise<void>,
  ): Promise<boolean> {
    return this.ds.transaction(async (manager) => {
      const rows = await manager.query<OutboxRow[]>(
        `SELECT id, type, payload FROM outbox_events
          WHERE id = $1 AND processed_at IS NULL AND dead_at IS NULL FOR UPDATE`,
        [id],
      );
      const row = rows[0];
      if (!row) return false;
      await handle({ ...row, id: String(row.id) }, manager);
      await manager.query(
        `UPDATE outbox_events SET attempts = attempts + 1, processed_at = now() WHERE id = $1`,
        [id],
      );
      return true;
    });
  }

  /**
   * Counts a failed attempt and keeps its error, in a statement of its own after the failed
   * transaction rolled back (inside it, the count would roll back too and never grow). The row
   * becomes dead once `maxAttempts` attempts have failed, or at once for a `permanent` failure.
   * Null when the row is no longer pending (processed or dead meanwhile by another delivery).
   */
  async recordFailure(
    id: string,
    error: string,
    opts: { maxAttempts: number; permanent: boolean },
  ): Promise<OutboxFailure | null> {
    const [rows] = await this.ds.query<[OutboxFailure[], number]>(
      `UPDATE outbox_events
          SET attempts = attempts + 1,
              last_error = left($2, ${ERROR_MAX}),
              dead_at = CASE WHEN $3 OR attempts + 1 >= $4 THEN now() END
        WHERE id = $1 AND processed_at IS NULL AND dead_at IS NULL
        RETURNING type, attempts, dead_at IS NOT NULL AS dead`,
      [id, error, opts.permanent, opts.maxAttempts],
    );
    return rows[0] ?? null;
  }

  /** Dead rows, most recent first (`outbox:dead` in the database CLI). */
  async deadLetters(limit: number): Promise<{ total: number; rows: DeadOutboxRow[] }> {
    const [count] = await this.ds.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM outbox_events WHERE dead_at IS NOT NULL`,
    );
    const rows = await this.ds.query<DeadOutboxRow[]>(
      `SELECT id::text AS id, type, attempts, last_error AS "lastError",
              created_at AS "createdAt", dead_at AS "deadAt"
         FROM outbox_events WHERE dead_at IS NOT NULL
        ORDER BY dead_at DESC, id DESC LIMIT $1`,
      [limit],
    );
    return { total: count?.n ?? 0, rows };
  }

  /**
   * Gives dead rows a fresh set of attempts (once their cause is fixed): they become pending and
   * never enqueued, so the relay picks them up. Returns the ids revived.
   */
  async revive(ids: string[]): Promise<string[]> {
    const [rows] = await this.ds.query<[Array<{ id: string }>, number]>(
      `UPDATE outbox_events SET dead_at = NULL, attempts = 0, enqueued_at = NULL
        WHERE id = ANY($1::bigint[]) AND dead_at IS NOT NULL
        RETURNING id::text AS id`,
      [ids],
    );
    return rows.map((r) => r.id);
  }
}
