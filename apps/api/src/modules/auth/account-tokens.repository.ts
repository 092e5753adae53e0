import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AccountTokenPurpose } from './account-token.entity';

@Injectable()
export class AccountTokensRepository {
  /**
   * Stores a new token of `purpose` for the user and retires the older ones of that purpose
   * still open: only the newest link works.
   */
  async issue(
    manager: EntityManager,
    userId: string,
    purpose: AccountTokenPurpose,
    tokenHash: string,
    expiresAt: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE account_tokens SET used_at = now()
        WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`,
      [userId, purpose],
    );
    await manager.query(
      `INSERT INTO account_tokens (user_id, purpose, token_hash, expires_at) VALUES ($1, $2, $3, $4)`,
      [userId, purpose, tokenHash, expiresAt],
    );
  }

  /**
   * Uses the token up in one conditional UPDATE (of two concurrent uses, one wins): the user it
   * belongs to, or null when it is unknown, used, retired or expired.
   */
  async consume(
    manager: EntityManager,
    purpose: AccountTokenPurpose,
    tokenHash: string,
    now: Date,
  ): Promise<string | null> {
    const [rows] = await manager.query<[Array<{ user_id: string }>, number]>(
      `UPDATE account_tokens SET used_at = $3
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3
        RETURNING user_id`,
      [tokenHash, purpose, now],
    );
    return rows[0]?.user_id ?? null;
  }
}
