import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** The `user_blocks` table; only this module writes it. */
@Injectable()
export class BlocksRepository {
  constructor(private readonly ds: DataSource) {}

  /** Idempotent: blocking twice leaves one row. */
  async block(blockerId: string, blockedId: string): Promise<void> {
    await this.ds.query(
      `INSERT INTO user_blocks (blocker_id, blocked_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [blockerId, blockedId],
    );
  }

  /** Idempotent: unblocking a member not blocked changes nothing. */
  async unblock(blockerId: string, blockedId: string): Promise<void> {
    await this.ds.query(`DELETE FROM user_blocks WHERE blocker_id = $1 AND blocked_id = $2`, [
      blockerId,
      blockedId,
    ]);
  }

  /** Whether `a` blocked any of `others`, or any of them blocked `a`. */
  async anyBlockBetween(
    a: string,
    others: readonly string[],
    manager: EntityManager = this.ds.manager,
  ): Promise<boolean> {
    if (others.length === 0) return false;
    const rows = await manager.query<Array<{ blocked: boolean }>>(
      `SELECT EXISTS (SELECT 1 FROM user_blocks WHERE blocker_id = $1 AND blocked_id = ANY($2::uuid[]))
           OR EXISTS (SELECT 1 FROM user_blocks WHERE blocked_id = $1 AND blocker_id = ANY($2::uuid[]))
           AS blocked`,
      [a, others],
    );
    return rows[0]?.blocked === true;
  }

  async hasBlocked(blockerId: string, blockedId: string): Promise<boolean> {
    const rows = await this.ds.query<unknown[]>(
      `SELECT 1 FROM user_blocks WHERE blocker_id = $1 AND blocked_id = $2`,
      [blockerId, blockedId],
    );
    return rows.length > 0;
  }

  /** A read of `users` (owned by the users module) to answer 404 for an unknown member. */
  async userExists(id: string): Promise<boolean> {
    const rows = await this.ds.query<unknown[]>(`SELECT 1 FROM users WHERE id = $1`, [id]);
    return rows.length > 0;
  }
}
