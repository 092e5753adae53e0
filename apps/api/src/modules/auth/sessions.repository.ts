import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

@Injectable()
export class SessionsRepository {
  constructor(private readonly ds: DataSource) {}

  async create(
    manager: EntityManager,
    userId: string,
    refreshHash: string,
    expiresAt: Date,
  ): Promise<string> {
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO sessions (user_id, refresh_hash, expires_at) VALUES ($1, $2, $3) RETURNING id`,
      [userId, refreshHash, expiresAt],
    );
    return rows[0]!.id;
  }

  /**
   * Swaps the refresh token in one statement, so two concurrent refreshes with the same token
   * cannot both succeed.
   */
  async rotate(
    oldHash: string,
    newHash: string,
    expiresAt: Date,
  ): Promise<{ id: string; userId: string } | null> {
    const [rows] = await this.ds.query<[Array<{ id: string; user_id: string }>, number]>(
      `UPDATE sessions SET refresh_hash = $2, previous_hash = $1, expires_at = $3
        WHERE refresh_hash = $1 AND revoked_at IS NULL AND expires_at > now()
        RETURNING id, user_id`,
      [oldHash, newHash, expiresAt],
    );
    const row = rows[0];
    return row ? { id: row.id, userId: row.user_id } : null;
  }

  /** A rotated-away token presented again: the session is compromised, end it. */
  async revokeByPreviousHash(hash: string): Promise<string | null> {
    const [rows] = await this.ds.query<[Array<{ id: string }>, number]>(
      `UPDATE sessions SET revoked_at = now() WHERE previous_hash = $1 AND revoked_at IS NULL RETURNING id`,
      [hash],
    );
    return rows[0]?.id ?? null;
  }

  async revokeByRefreshHash(hash: string): Promise<string | null> {
    const [rows] = await this.ds.query<[Array<{ id: string }>, number]>(
      `UPDATE sessions SET revoked_at = now() WHERE refresh_hash = $1 AND revoked_at IS NULL RETURNING id`,
      [hash],
    );
    return rows[0]?.id ?? null;
  }

  async revoke(sessionId: string): Promise<void> {
    await this.ds.query(
      `UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId],
    );
  }

  /** Revokes every open session of a user but one; the ids of those revoked. */
  async revokeAllFor(
    userId: string,
    exceptSessionId: string | undefined,
    manager: EntityManager = this.ds.manager,
  ): Promise<string[]> {
    const [rows] = await manager.query<[Array<{ id: string }>, number]>(
      `UPDATE sessions SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)
        RETURNING id`,
      [userId, exceptSessionId ?? null],
    );
    return rows.map((r) => r.id);
  }
}
