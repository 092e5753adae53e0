import { Injectable } from '@nestjs/common';
import type {
  Delivery,
  EmailState,
  ExchangeKind,
  NotificationKind,
  NotificationView,
} from '@partagora/domain';
import { DataSource, type EntityManager } from 'typeorm';

export interface NewNotification extends Delivery {
  userId: string;
  kind: NotificationKind;
  data: Record<string, unknown>;
}

export interface InsertedNotification {
  id: string;
  userId: string;
  inApp: boolean;
  emailState: EmailState;
}

/** A stored notification with what its delivery needs. */
export interface NotificationRecord {
  id: string;
  userId: string;
  kind: NotificationKind;
  data: Record<string, unknown>;
  inApp: boolean;
  emailState: EmailState;
  readAt: Date | null;
  createdAt: Date;
}

/** An e-mail the caller has just claimed (its row already says `sent` in the open transaction). */
export interface ClaimedMail {
  id: string;
  kind: NotificationKind;
  data: Record<string, unknown>;
  createdAt: Date;
}

export interface ExchangeContext {
  id: string;
  kind: ExchangeKind;
  ownerId: string;
  ownerName: string;
  requesterId: string;
  requesterName: string;
  listingId: string;
  listingTitle: string;
  conversationId: string;
}

export interface ConversationContext {
  id: string;
  listingId: string;
  listingTitle: string;
  exchangeId: string | null;
}

/** Position in the newest-first list: creation time to the microsecond (as text) and id. */
export interface ListCursor {
  createdAt: string;
  id: string;
}

interface NotificationRow {
  id: string;
  user_id: string;
  kind: NotificationKind;
  data: Record<string, unknown>;
  in_app: boolean;
  email_state: EmailState;
  read_at: Date | null;
  created_at: Date;
}

const toRecord = (r: NotificationRow): NotificationRecord => ({
  id: r.id,
  userId: r.user_id,
  kind: r.kind,
  data: r.data,
  inApp: r.in_app,
  emailState: r.email_state,
  readAt: r.read_at,
  createdAt: r.created_at,
});

export const toNotificationView = (r: {
  id: string;
  kind: NotificationKind;
  data: Record<string, unknown>;
  readAt: Date | null;
  createdAt: Date;
}): NotificationView => ({
  id: r.id,
  kind: r.kind,
  createdAt: r.createdAt.toISOString(),
  readAt: r.readAt?.toISOString() ?? null,
  data: r.data,
});

interface ClaimedRow {
  id: string;
  kind: NotificationKind;
  data: Record<string, unknown>;
  created_at: Date;
}

/** `created_at` to the microsecond, in UTC, for cursors (a JS Date keeps milliseconds only). */
const CREATED_US = `to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

/**
 * All SQL of notifications, and the reads of the context they are built from (recipients and
 * their preferences are the users module's).
 */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * One row per (source, recipient): a re-delivered event inserts nothing (`ON CONFLICT DO
   * NOTHING` on `uq_notifications_source_user`). Returns the rows actually inserted.
   */
  async insertMany(
    manager: EntityManager,
    sourceKey: string,
    rows: NewNotification[],
  ): Promise<InsertedNotification[]> {
    if (rows.length === 0) return [];
    const inserted = await manager.query<
      Array<{ id: string; user_id: string; in_app: boolean; email_state: EmailState }>
    >(
      `INSERT INTO notifications (user_id, kind, source_key, data, in_app, email_state)
       SELECT t.user_id, t.kind, $1, t.data, t.in_app, t.email_state
         FROM unnest($2::uuid[], $3::text[], $4::jsonb[], $5::boolean[], $6::text[])
              AS t(user_id, kind, data, in_app, email_state)
       ON CONFLICT (source_key, user_id) DO NOTHING
       RETURNING id, user_id, in_app, email_state`,
      [
        sourceKey,
        rows.map((r) => r.userId),
        rows.map((r) => r.kind),
        rows.map((r) => JSON.stringify(r.data)),
        rows.map((r) => r.inApp),
        rows.map((r) => r.emailState),
      ],
    );
    return inserted.map((r) => ({
      id: r.id,
      userId: r.user_id,
      inApp: r.in_app,
      emailState: r.email_state,
    }));
  }

  async find(manager: EntityManager, id: string): Promise<NotificationRecord | null> {
    const rows = await manager.query<NotificationRow[]>(
      `SELECT n.id, n.user_id, n.kind, n.data, n.in_app, n.email_state, n.read_at, n.created_at
         FROM notifications n WHERE n.id = $1`,
      [id],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /**
   * Claims the instant e-mail of a notification in `manager`'s transaction: only one transaction
   * finds it `pending`; if the send then fails and the transaction rolls back, it is pending again.
   */
  async claimInstantMail(manager: EntityManager, id: string): Promise<ClaimedMail | null> {
    // TypeORM answers an UPDATE with `[rows, affected]`.
    const [rows] = await manager.query<[ClaimedRow[], number]>(
      `UPDATE notifications SET email_state = 'sent', emailed_at = now()
        WHERE id = $1 AND email_state = 'pending'
        RETURNING id, kind, data, created_at`,
      [id],
    );
    const r = rows[0];
    return r ? { id: r.id, kind: r.kind, data: r.data, createdAt: r.created_at } : null;
  }

  /** Users with digest items created at or before `now`. */
  async usersWithDigest(now: Date): Promise<string[]> {
    const rows = await this.ds.query<Array<{ user_id: string }>>(
      `SELECT DISTINCT user_id FROM notifications WHERE email_state = 'digest' AND created_at <= $1`,
      [now],
    );
    return rows.map((r) => r.user_id);
  }

  /** Claims a user's digest items (oldest first), like `claimInstantMail`. */
  async claimDigest(manager: EntityManager, userId: string, now: Date): Promise<ClaimedMail[]> {
    const [rows] = await manager.query<[ClaimedRow[], number]>(
      `UPDATE notifications SET email_state = 'sent', emailed_at = now()
        WHERE user_id = $1 AND email_state = 'digest' AND created_at <= $2
        RETURNING id, kind, data, created_at`,
      [userId, now],
    );
    return rows
      .map((r) => ({ id: r.id, kind: r.kind, data: r.data, createdAt: r.created_at }))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  }

  /** In-app notifications of a user, newest first, after `cursor`. */
  async list(
    userId: string,
    opts: { unreadOnly: boolean; limit: number; cursor?: ListCursor },
  ): Promise<Array<NotificationRecord & { cursor: ListCursor }>> {
    const params: unknown[] = [userId];
    let sql = `SELECT n.id, n.user_id, n.kind, n.data, n.in_app, n.email_state, n.read_at, n.created_at,
                      ${CREATED_US} AS created_us
                 FROM notifications n
                WHERE n.user_id = $1 AND n.in_app`;
    if (opts.unreadOnly) sql += ` AND n.read_at IS NULL`;
    if (opts.cursor) {
      params.push(opts.cursor.createdAt, opts.cursor.id);
      sql += ` AND (n.created_at, n.id) < (($2::timestamp AT TIME ZONE 'UTC'), $3::uuid)`;
    }
    params.push(opts.limit);
    sql += ` ORDER BY n.created_at DESC, n.id DESC LIMIT $${params.length}`;
    const rows = await this.ds.query<Array<NotificationRow & { created_us: string }>>(sql, params);
    return rows.map((r) => ({ ...toRecord(r), cursor: { createdAt: r.created_us, id: r.id } }));
  }

  async unreadCount(userId: string): Promise<number> {
    const rows = await this.ds.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND in_app AND read_at IS NULL`,
      [userId],
    );
    return rows[0]?.n ?? 0;
  }

  /** Marks the user's own unread notifications read (`ids` omitted: all of them). */
  async markRead(userId: string, ids: string[] | undefined): Promise<void> {
    if (ids === undefined) {
      await this.ds.query(
        `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
        [userId],
      );
      return;
    }
    if (ids.length === 0) return;
    await this.ds.query(
      `UPDATE notifications SET read_at = now()
        WHERE user_id = $1 AND read_at IS NULL AND id = ANY($2::uuid[])`,
      [userId, ids],
    );
  }

  /** Revealed reviews with what their subjects' notifications show (a read of `reviews`). */
  reviewContexts(
    manager: EntityManager,
    reviewIds: string[],
  ): Promise<
    Array<{
      id: string;
      exchange_id: string;
      subject_id: string;
      rating: number;
      author_name: string | null;
      listing_title: string;
    }>
  > {
    return manager.query(
      `SELECT r.id, r.exchange_id, r.subject_id, r.rating, a.display_name AS author_name,
              l.title AS listing_title
         FROM reviews r
         JOIN exchanges e ON e.id = r.exchange_id
         JOIN listings l ON l.id = e.listing_id
         LEFT JOIN users a ON a.id = r.author_id
        WHERE r.id = ANY($1::uuid[]) AND r.hidden_at IS NULL`,
      [reviewIds],
    );
  }

  /** The exchange with its listing and both parties' display names. */
  async exchangeContext(
    manager: EntityManager,
    exchangeId: string,
  ): Promise<ExchangeContext | null> {
    const rows = await manager.query<
      Array<{
        id: string;
        kind: ExchangeKind;
        owner_id: string;
        owner_name: string;
        requester_id: string;
        requester_name: string;
        listing_id: string;
        listing_title: string;
        conversation_id: string;
      }>
    >(
      `SELECT e.id, e.kind, e.owner_id, o.display_name AS owner_name, e.requester_id,
              r.display_name AS requester_name, e.listing_id, l.title AS listing_title, e.conversation_id
         FROM exchanges e
         JOIN listings l ON l.id = e.listing_id
         JOIN users o ON o.id = e.owner_id
         JOIN users r ON r.id = e.requester_id
        WHERE e.id = $1`,
      [exchangeId],
    );
    const r = rows[0];
    return r
      ? {
          id: r.id,
          kind: r.kind,
          ownerId: r.owner_id,
          ownerName: r.owner_name,
          requesterId: r.requester_id,
          requesterName: r.requester_name,
          listingId: r.listing_id,
          listingTitle: r.listing_title,
          conversationId: r.conversation_id,
        }
      : null;
  }

  /** The conversation's listing and exchange (if any). */
  async conversationContext(
    manager: EntityManager,
    conversationId: string,
  ): Promise<ConversationContext | null> {
    const rows = await manager.query<
      Array<{ id: string; listing_id: string; listing_title: string; exchange_id: string | null }>
    >(
      `SELECT c.id, c.listing_id, l.title AS listing_title,
              (SELECT e.id FROM exchanges e WHERE e.conversation_id = c.id LIMIT 1) AS exchange_id
         FROM conversations c JOIN listings l ON l.id = c.listing_id
        WHERE c.id = $1`,
      [conversationId],
    );
    const r = rows[0];
    return r
      ? {
          id: r.id,
          listingId: r.listing_id,
          listingTitle: r.listing_title,
          exchangeId: r.exchange_id,
        }
      : null;
  }

  /** Of `userIds`, those taking part in the conversation (recipients are checked, not trusted). */
  async participants(
    manager: EntityManager,
    conversationId: string,
    userIds: string[],
  ): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = await manager.query<Array<{ user_id: string }>>(
      `SELECT user_id FROM conversation_participants
        WHERE conversation_id = $1 AND user_id = ANY($2::uuid[])`,
      [conversationId, userIds],
    );
    return rows.map((r) => r.user_id);
  }
}
