import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface OutboxRow {
  id: string;
  type: string;
  payload: Record<string, unknown>;
}

@Injectable()
export class OutboxRepository {
  constructor(private readonly ds: DataSource) {}

  /** Called inside the transaction of the change it announces. */
  async add(
    manager: EntityManager,
    type: string,
    payload: Record<string, unknown>,
  ): Promise<string> {
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO outbox_events (type, payload) VALUES ($1, $2) RETURNING id`,
      [type, JSON.stringify(payload)],
    );
    return String(rows[0]!.id);
  }

  /** Unprocessed rows never enqueued, or enqueued long ago and still not processed (lost jobs). */
  async dueForRelay(staleAfterSeconds: number, limit: number): Promise<string[]> {
    const rows = await this.ds.query<Array<{ id: string }>>(
      `SELECT id FROM outbox_events
        WHERE processed_at IS NULL
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
   * duplicate delivery finds it processed and does nothing.
   */
  async processOnce(
    id: string,
    handle: (row: OutboxRow, manager: EntityManager) => Promise<void>,
  ): Promise<boolean> {
    return this.ds.transaction(async (manager) => {
      const rows = await manager.query<OutboxRow[]>(
        `SELECT id, type, payload FROM outbox_events WHERE id = $1 AND processed_at IS NULL FOR UPDATE`,
        [id],
      );
      const row = rows[0];
      if (!row) return false;
      await manager.query(`UPDATE outbox_events SET attempts = attempts + 1 WHERE id = $1`, [id]);
      await handle({ ...row, id: String(row.id) }, manager);
      await manager.query(`UPDATE outbox_events SET processed_at = now() WHERE id = $1`, [id]);
      return true;
    });
  }
}
