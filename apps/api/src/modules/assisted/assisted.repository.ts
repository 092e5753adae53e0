import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface AssistedRow {
  id: string;
  display_name: string;
  email: string;
  municipality_id: string;
  municipality: string;
  consent_at: Date;
  consent_by: string | null;
  consent_by_name: string | null;
  created_at: Date;
  created_key: string;
  unread: number;
  active_loans: number;
}

export interface SummaryLoanRow {
  listing_title: string;
  status: string;
  start: Date;
  end: Date;
  lender: string;
  address: string | null;
  deposit_note: string | null;
}

/** Placeholder e-mails of assisted residents without one: the reserved `.invalid` TLD. */
export const ASSISTED_EMAIL_DOMAIN = 'assisted.partagora.invalid';

const COLUMNS = `u.id, u.display_name, u.email, a.municipality_id, m.slug AS municipality, a.consent_at,
  a.consent_by, s.display_name AS consent_by_name, a.created_at,
  to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key,
  (SELECT COALESCE(sum(GREATEST(c.last_seq - p.last_read_seq, 0)), 0)::int
     FROM conversation_participants p JOIN conversations c ON c.id = p.conversation_id
    WHERE p.user_id = u.id) AS unread,
  (SELECT count(*)::int FROM exchanges e
    WHERE e.requester_id = u.id AND e.kind = 'loan' AND e.status IN ('requested', 'accepted', 'handed_over', 'overdue')) AS active_loans`;

const FROM = `FROM assisted_residents a JOIN users u ON u.id = a.user_id
  JOIN municipalities m ON m.id = a.municipality_id LEFT JOIN users s ON s.id = a.consent_by`;

/** All SQL of assisted mode (its own table, and what it reads of the resident's activity). */
@Injectable()
export class AssistedRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(
    manager: EntityManager,
    r: { userId: string; municipalityId: string; consentAt: Date; consentBy: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO assisted_residents (user_id, municipality_id, consent_at, consent_by) VALUES ($1, $2, $3, $4)`,
      [r.userId, r.municipalityId, r.consentAt, r.consentBy],
    );
  }

  async find(id: string, manager: EntityManager = this.ds.manager): Promise<AssistedRow | null> {
    const rows = await manager.query<AssistedRow[]>(
      `SELECT ${COLUMNS} ${FROM} WHERE a.user_id = $1 AND u.erased_at IS NULL`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** A town's assisted residents, newest first, by name when `q` is given. */
  page(
    municipalityId: string,
    q: string | undefined,
    limit: number,
    after?: { createdKey: string; id: string },
  ): Promise<AssistedRow[]> {
    const params: unknown[] = [municipalityId, limit];
    let where = '';
    if (q) {
      params.push(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where += ` AND u.display_name ILIKE $${params.length}`;
    }
    if (after) {
      params.push(after.createdKey, after.id);
      where += ` AND (a.created_at, a.user_id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    return this.ds.query<AssistedRow[]>(
      `SELECT ${COLUMNS} ${FROM} WHERE a.municipality_id = $1 AND u.erased_at IS NULL${where}
        ORDER BY a.created_at DESC, a.user_id DESC LIMIT $2`,
      params,
    );
  }

  /** The resident's loans still to come or under way, soonest first (the printed summary). */
  summaryLoans(userId: string): Promise<SummaryLoanRow[]> {
    return this.ds.query<SummaryLoanRow[]>(
      `SELECT l.title AS listing_title, e.status, lower(e.period) AS start, upper(e.period) AS "end",
              COALESCE(o.name, ow.display_name) AS lender, o.address, l.deposit_note
         FROM exchanges e JOIN listings l ON l.id = e.listing_id JOIN users ow ON ow.id = e.owner_id
         LEFT JOIN organisations o ON o.id = l.owner_organisation_id
        WHERE e.requester_id = $1 AND e.kind = 'loan' AND e.status IN ('requested', 'accepted', 'handed_over', 'overdue')
        ORDER BY lower(e.period)`,
      [userId],
    );
  }
}
