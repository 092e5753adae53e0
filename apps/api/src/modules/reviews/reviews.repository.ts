import { Injectable } from '@nestjs/common';
import type { ExchangeFact, ExchangeKind, ExchangeStatus, TownRatings } from '@partagora/domain';
import { DataSource, type EntityManager } from 'typeorm';

export interface ReviewRow {
  id: string;
  exchange_id: string;
  author_id: string | null;
  author_role: 'owner' | 'requester';
  subject_id: string;
  rating: number;
  comment: string | null;
  revealed_at: Date | null;
  hidden_at: Date | null;
  created_at: Date;
}

export interface NewReview {
  exchangeId: string;
  authorId: string;
  authorRole: 'owner' | 'requester';
  subjectId: string;
  rating: number;
  comment: string | null;
}

/** A completed exchange that may still need a review timer. */
export interface ReviewTimerCandidate {
  id: string;
  completedAt: Date;
  ownerId: string;
  requesterId: string;
  roles: Array<'owner' | 'requester'>;
  revealed: boolean;
}

/** What a member's public profile shows of them (a read of `users`, owned by the users module). */
export interface ProfileRow {
  id: string;
  display_name: string;
  created_at: Date;
  verification: string;
  municipality_id: string;
  municipality_slug: string;
  municipality_name: string;
}

export interface VisibleReviewRow {
  rating: number;
  comment: string | null;
  created_at: Date;
  author_id: string | null;
  author_name: string | null;
}

/** An export row: a review with its other party by id and display name only. */
export interface ExportReviewRow {
  id: string;
  exchange_id: string;
  rating: number;
  comment: string | null;
  created_at: Date;
  revealed_at: Date | null;
  hidden_at: Date | null;
  other_id: string | null;
  other_name: string | null;
}

const COLUMNS = `id, exchange_id, author_id, author_role, subject_id, rating, comment, revealed_at, hidden_at, created_at`;

/** Visible to others: revealed, and not hidden by a moderator. */
const VISIBLE = `r.revealed_at IS NOT NULL AND r.hidden_at IS NULL`;

/** All SQL of reviews; only this module writes `reviews`. */
@Injectable()
export class ReviewsRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(manager: EntityManager, r: NewReview): Promise<ReviewRow> {
    const rows = await manager.query<ReviewRow[]>(
      `INSERT INTO reviews (exchange_id, author_id, author_role, subject_id, rating, comment)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [r.exchangeId, r.authorId, r.authorRole, r.subjectId, r.rating, r.comment],
    );
    return rows[0]!;
  }

  forExchange(exchangeId: string, manager: EntityManager = this.ds.manager): Promise<ReviewRow[]> {
    return manager.query<ReviewRow[]>(
      `SELECT ${COLUMNS} FROM reviews WHERE exchange_id = $1 ORDER BY created_at, id`,
      [exchangeId],
    );
  }

  /** Reveals the exchange's reviews not revealed yet; returns their ids. */
  async reveal(manager: EntityManager, exchangeId: string, at: Date): Promise<string[]> {
    const rows = await manager.query<[Array<{ id: string }>, number]>(
      `UPDATE reviews SET revealed_at = $2 WHERE exchange_id = $1 AND revealed_at IS NULL RETURNING id`,
      [exchangeId, at],
    );
    return rows[0].map((r) => r.id);
  }

  /**
   * Completed exchanges whose review timers may be due within the horizon: completed recently
   * enough for the reminder (within `reminderWindowMs`), or holding a review not revealed yet
   * (its reveal never lapses). A superset of what `reviewTimersToSchedule` keeps.
   */
  async timerCandidates(now: Date, reminderWindowMs: number): Promise<ReviewTimerCandidate[]> {
    const rows = await this.ds.query<
      Array<{
        id: string;
        completed_at: Date;
        owner_id: string;
        requester_id: string;
        roles: Array<'owner' | 'requester'> | null;
        revealed: boolean | null;
      }>
    >(
      `SELECT e.id, e.completed_at, e.owner_id, e.requester_id,
              array_remove(array_agg(r.author_role), NULL) AS roles,
              bool_or(r.revealed_at IS NOT NULL) AS revealed
         FROM exchanges e
         LEFT JOIN reviews r ON r.exchange_id = e.id
        WHERE e.status = 'completed' AND e.completed_at IS NOT NULL
          AND (e.completed_at > $1::timestamptz - make_interval(secs => $2 / 1000.0)
               OR EXISTS (SELECT 1 FROM reviews u WHERE u.exchange_id = e.id AND u.revealed_at IS NULL))
        GROUP BY e.id`,
      [now, reminderWindowMs],
    );
    return rows.map((r) => ({
      id: r.id,
      completedAt: r.completed_at,
      ownerId: r.owner_id,
      requesterId: r.requester_id,
      roles: r.roles ?? [],
      revealed: r.revealed === true,
    }));
  }

  async profile(userId: string): Promise<ProfileRow | null> {
    const rows = await this.ds.query<ProfileRow[]>(
      `SELECT u.id, u.display_name, u.created_at, u.verification, u.municipality_id,
              m.slug AS municipality_slug, m.name AS municipality_name
         FROM users u JOIN municipalities m ON m.id = u.municipality_id
        WHERE u.id = $1`,
      [userId],
    );
    return rows[0] ?? null;
  }

  /** Revealed, non-hidden reviews about a member, newest first, with their authors' names. */
  visibleAbout(subjectId: string, limit: number): Promise<VisibleReviewRow[]> {
    return this.ds.query<VisibleReviewRow[]>(
      `SELECT r.rating, r.comment, r.created_at, r.author_id, a.display_name AS author_name
         FROM reviews r LEFT JOIN users a ON a.id = r.author_id
        WHERE r.subject_id = $1 AND ${VISIBLE}
        ORDER BY r.created_at DESC, r.id DESC
        LIMIT $2`,
      [subjectId, limit],
    );
  }

  /** Every visible rating about a member (the score's input). */
  visibleRatingsAbout(subjectId: string): Promise<Array<{ rating: number }>> {
    return this.ds.query<Array<{ rating: number }>>(
      `SELECT r.rating FROM reviews r WHERE r.subject_id = $1 AND ${VISIBLE}`,
      [subjectId],
    );
  }

  /** Count and sum of the visible ratings about the members of a town (the prior's input). */
  async townRatings(municipalityId: string): Promise<TownRatings> {
    const rows = await this.ds.query<Array<{ count: number; sum: number }>>(
      `SELECT count(*)::int AS count, coalesce(sum(r.rating), 0)::int AS sum
         FROM reviews r JOIN users s ON s.id = r.subject_id
        WHERE s.municipality_id = $1 AND ${VISIBLE}`,
      [municipalityId],
    );
    return rows[0] ?? { count: 0, sum: 0 };
  }

  /** The exchange facts of a member (a read of `exchanges`, owned by the exchanges module). */
  async exchangeFacts(userId: string): Promise<ExchangeFact[]> {
    const rows = await this.ds.query<
      Array<{
        kind: ExchangeKind;
        status: ExchangeStatus;
        as_requester: boolean;
        returned_late: boolean;
      }>
    >(
      `SELECT kind, status, requester_id = $1 AS as_requester, returned_late
         FROM exchanges
        WHERE (owner_id = $1 OR requester_id = $1)
          AND status IN ('completed', 'returned', 'no_show')`,
      [userId],
    );
    return rows.map((r) => ({
      kind: r.kind,
      status: r.status,
      asRequester: r.as_requester,
      returnedLate: r.returned_late,
    }));
  }

  /** For the data export: reviews about the member that are out (revealed), hidden ones marked. */
  reviewsAbout(userId: string): Promise<ExportReviewRow[]> {
    return this.ds.query<ExportReviewRow[]>(
      `SELECT r.id, r.exchange_id, r.rating, r.comment, r.created_at, r.revealed_at, r.hidden_at,
              r.author_id AS other_id, a.display_name AS other_name
         FROM reviews r LEFT JOIN users a ON a.id = r.author_id
        WHERE r.subject_id = $1 AND r.revealed_at IS NOT NULL
        ORDER BY r.created_at, r.id`,
      [userId],
    );
  }

  /** For the data export: every review the member wrote. */
  reviewsBy(userId: string): Promise<ExportReviewRow[]> {
    return this.ds.query<ExportReviewRow[]>(
      `SELECT r.id, r.exchange_id, r.rating, r.comment, r.created_at, r.revealed_at, r.hidden_at,
              r.subject_id AS other_id, s.display_name AS other_name
         FROM reviews r JOIN users s ON s.id = r.subject_id
        WHERE r.author_id = $1
        ORDER BY r.created_at, r.id`,
      [userId],
    );
  }

  /** Erasure: the member's reviews stay, attributed to nobody (a former member). */
  async anonymiseAuthor(manager: EntityManager, userId: string): Promise<number> {
    const rows = await manager.query<[unknown[], number]>(
      `UPDATE reviews SET author_id = NULL WHERE author_id = $1`,
      [userId],
    );
    return rows[1];
  }

  /** Moderation: hides (or restores) one review; false when there is no such review. */
  async setHidden(manager: EntityManager, reviewId: string, at: Date | null): Promise<boolean> {
    const rows = await manager.query<[unknown[], number]>(
      `UPDATE reviews SET hidden_at = $2 WHERE id = $1`,
      [reviewId, at],
    );
    return rows[1] > 0;
  }
}
