import { Injectable } from '@nestjs/common';
import type { VerificationCodeSummary } from '@partagora/domain';
import { DataSource, type EntityManager } from 'typeorm';

@Injectable()
export class VerificationCodesRepository {
  constructor(private readonly ds: DataSource) {}

  /** Inserts the hashes of a batch in one statement. */
  async insertMany(
    manager: EntityManager,
    municipalityId: string,
    issuedBy: string,
    hashes: string[],
    expiresAt: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO verification_codes (municipality_id, issued_by, code_hash, expires_at)
       SELECT $1, $2, h, $4 FROM unnest($3::varchar[]) AS h`,
      [municipalityId, issuedBy, hashes, expiresAt],
    );
  }

  /**
   * Uses the code up for `userId` in one conditional UPDATE: of two members redeeming one code
   * at once, exactly one gets the row back. Only a code of the member's own town, unused and
   * unexpired, matches.
   */
  async redeem(
    manager: EntityManager,
    codeHash: string,
    municipalityId: string,
    userId: string,
    now: Date,
  ): Promise<boolean> {
    const [rows] = await manager.query<[Array<{ id: string }>, number]>(
      `UPDATE verification_codes SET used_at = $4, used_by = $3
        WHERE code_hash = $1 AND municipality_id = $2 AND used_at IS NULL AND expires_at > $4
        RETURNING id`,
      [codeHash, municipalityId, userId, now],
    );
    return rows.length === 1;
  }

  /** A town's codes, newest first, keyset-paginated on (created_at, id). */
  async list(
    municipalityId: string,
    limit: number,
    after: { createdAt: string; id: string } | null,
  ): Promise<Array<VerificationCodeSummary & { createdUs: string }>> {
    const rows = await this.ds.query<
      Array<{
        id: string;
        created_at: Date;
        created_us: string;
        expires_at: Date;
        used_at: Date | null;
      }>
    >(
      // The cursor keeps microseconds: a batch shares one created_at, JS dates keep milliseconds.
      `SELECT id, created_at, expires_at, used_at,
              to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS created_us
         FROM verification_codes
        WHERE municipality_id = $1
          AND ($2::timestamptz IS NULL OR (created_at, id) < (($2::timestamp AT TIME ZONE 'UTC'), $3::uuid))
        ORDER BY created_at DESC, id DESC
        LIMIT $4`,
      [municipalityId, after?.createdAt.replace(/Z$/, '') ?? null, after?.id ?? null, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at.toISOString(),
      createdUs: r.created_us,
      expiresAt: r.expires_at.toISOString(),
      usedAt: r.used_at?.toISOString() ?? null,
    }));
  }
}
