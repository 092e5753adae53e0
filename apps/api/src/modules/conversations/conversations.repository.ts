import { Injectable } from '@nestjs/common';
import type { MessageView } from '@partagora/domain';
import { DataSource, type EntityManager } from 'typeorm';

interface MessageRow {
  id: string;
  conversation_id: string;
  seq: number;
  author_id: string;
  body: string;
  removed?: boolean;
  erased?: boolean;
  created_at: Date;
}

/** One conversation as one participant sees it (`viewer_*` are that participant's). */
export interface ConversationRow {
  id: string;
  kind: 'exchange' | 'question';
  listing_id: string;
  listing_title: string;
  exchange_id: string | null;
  other_id: string;
  other_name: string;
  last_seq: number;
  viewer_last_read_seq: number;
  updated_at: Date;
  /** `updated_at` to the microsecond, UTC ISO: the list cursor (a JS Date keeps milliseconds). */
  updated_key: string;
  m_id: string | null;
  m_seq: number | null;
  m_author_id: string | null;
  m_body: string | null;
  m_created_at: Date | null;
}

/**
 * The viewer's conversations ($1 = viewer id) with the other participant, the listing, the
 * exchange (if any) and the last message. A participant who erased their account stays, under
 * the former-member name, so the other keeps the history.
 */
const VIEW = `SELECT c.id, c.kind, c.listing_id, l.title AS listing_title, e.id AS exchange_id,
       o.id AS other_id, o.display_name AS other_name, c.last_seq, p.last_read_seq AS viewer_last_read_seq,
       c.updated_at, to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated_key,
       m.id AS m_id, m.seq AS m_seq, m.author_id AS m_author_id, CASE WHEN m.hidden_at IS NULL THEN m.body ELSE '' END AS m_body, m.created_at AS m_created_at
  FROM conversation_participants p
  JOIN conversations c ON c.id = p.conversation_id
  JOIN listings l ON l.id = c.listing_id
  JOIN LATERAL (
    SELECT u.id, u.display_name FROM conversation_participants op JOIN users u ON u.id = op.user_id
     WHERE op.conversation_id = c.id AND op.user_id <> p.user_id ORDER BY op.user_id LIMIT 1
  ) o ON true
  LEFT JOIN exchanges e ON e.conversation_id = c.id
  LEFT JOIN messages m ON m.conversation_id = c.id AND m.seq = c.last_seq
 WHERE p.user_id = $1`;

/** A message hidden by moderation keeps its row (and seq) but not its body, for the parties. */
const MESSAGE_COLUMNS = `id, conversation_id, seq, author_id,
  CASE WHEN hidden_at IS NULL THEN body ELSE '' END AS body, hidden_at IS NOT NULL AS removed, erased, created_at`;

export function toMessageView(r: MessageRow): MessageView {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    seq: r.seq,
    authorId: r.author_id,
    body: r.body,
    createdAt: r.created_at.toISOString(),
    ...(r.removed ? { removed: true } : {}),
    ...(r.erased ? { erased: true } : {}),
  };
}

/** All SQL of conversations and messages. */
@Injectable()
export class ConversationsRepository {
  constructor(private readonly ds: DataSource) {}

  /** A conversation between the parties of a new exchange (same transaction as the exchange). */
  async createForExchange(
    manager: EntityManager,
    listingId: string,
    participants: string[],
  ): Promise<string> {
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO conversations (kind, listing_id) VALUES ('exchange', $1) RETURNING id`,
      [listingId],
    );
    const id = rows[0]!.id;
    await this.addParticipants(manager, id, participants);
    return id;
  }

  async addParticipants(
    manager: EntityManager,
    conversationId: string,
    userIds: string[],
  ): Promise<void> {
    for (const userId of userIds) {
      await manager.query(
        `INSERT INTO conversation_participants (conversation_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [conversationId, userId],
      );
    }
  }

  /**
   * Appends a message with the next sequence number: the `UPDATE … RETURNING` takes the
   * conversation's row lock, so concurrent posts get distinct, gapless numbers.
   */
  async addMessage(
    manager: EntityManager,
    conversationId: string,
    authorId: string,
    body: string,
  ): Promise<MessageView> {
    const [seqRows] = await manager.query<[Array<{ last_seq: number }>, number]>(
      `UPDATE conversations SET last_seq = last_seq + 1, updated_at = now() WHERE id = $1 RETURNING last_seq`,
      [conversationId],
    );
    const seq = seqRows[0]!.last_seq;
    const rows = await manager.query<MessageRow[]>(
      `INSERT INTO messages (conversation_id, seq, author_id, body) VALUES ($1, $2, $3, $4)
       RETURNING ${MESSAGE_COLUMNS}`,
      [conversationId, seq, authorId, body],
    );
    // The author has read what they wrote.
    await manager.query(
      `UPDATE conversation_participants SET last_read_seq = $3 WHERE conversation_id = $1 AND user_id = $2`,
      [conversationId, authorId, seq],
    );
    return toMessageView(rows[0]!);
  }

  async participants(
    conversationId: string,
    manager: EntityManager = this.ds.manager,
  ): Promise<string[]> {
    const rows = await manager.query<Array<{ user_id: string }>>(
      `SELECT user_id FROM conversation_participants WHERE conversation_id = $1 ORDER BY user_id`,
      [conversationId],
    );
    return rows.map((r) => r.user_id);
  }

  async isParticipant(
    conversationId: string,
    userId: string,
    manager: EntityManager = this.ds.manager,
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM conversation_participants WHERE conversation_id = $1 AND user_id = $2`,
      [conversationId, userId],
    );
    return rows.length > 0;
  }

  /**
   * A page of the viewer's conversations, most recently updated first; `after` is the
   * `(updated_key, id)` of the last row of the previous page.
   */
  async listForUser(
    userId: string,
    limit: number,
    after?: { updatedKey: string; id: string },
  ): Promise<ConversationRow[]> {
    const params: unknown[] = [userId, limit];
    let where = '';
    if (after) {
      params.push(after.updatedKey, after.id);
      where = ` AND (c.updated_at, c.id) < ($3::timestamptz, $4::uuid)`;
    }
    return this.ds.query<ConversationRow[]>(
      `${VIEW}${where} ORDER BY c.updated_at DESC, c.id DESC LIMIT $2`,
      params,
    );
  }

  /** One conversation as `userId` sees it; null when they are not a participant. */
  async findForParticipant(
    conversationId: string,
    userId: string,
    manager: EntityManager = this.ds.manager,
  ): Promise<ConversationRow | null> {
    const rows = await manager.query<ConversationRow[]>(`${VIEW} AND c.id = $2`, [
      userId,
      conversationId,
    ]);
    return rows[0] ?? null;
  }

  /** What moderation reads of a message: its conversation's town, author and state. */
  async findMessageForModeration(
    id: string,
    manager: EntityManager = this.ds.manager,
  ): Promise<{
    municipalityId: string;
    conversationId: string;
    authorId: string;
    authorName: string;
    body: string;
    hidden: boolean;
  } | null> {
    const rows = await manager.query<
      Array<{
        municipality_id: string;
        conversation_id: string;
        author_id: string;
        author_name: string;
        body: string;
        hidden: boolean;
      }>
    >(
      `SELECT l.municipality_id, m.conversation_id, m.author_id, u.display_name AS author_name, m.body,
              m.hidden_at IS NOT NULL AS hidden
         FROM messages m
         JOIN conversations c ON c.id = m.conversation_id
         JOIN listings l ON l.id = c.listing_id
         JOIN users u ON u.id = m.author_id
        WHERE m.id = $1`,
      [id],
    );
    const r = rows[0];
    return r
      ? {
          municipalityId: r.municipality_id,
          conversationId: r.conversation_id,
          authorId: r.author_id,
          authorName: r.author_name,
          body: r.body,
          hidden: r.hidden,
        }
      : null;
  }

  async setMessageHidden(manager: EntityManager, id: string, hidden: boolean): Promise<void> {
    await manager.query(
      `UPDATE messages SET hidden_at = ${hidden ? 'COALESCE(hidden_at, now())' : 'NULL'} WHERE id = $1`,
      [id],
    );
  }

  /** A whole conversation as a moderator reads it, bodies of hidden messages included. */
  async transcript(
    conversationId: string,
    limit: number,
  ): Promise<
    Array<{
      id: string;
      seq: number;
      authorId: string;
      body: string;
      removed: boolean;
      createdAt: string;
    }>
  > {
    const rows = await this.ds.query<
      Array<{
        id: string;
        seq: number;
        author_id: string;
        body: string;
        removed: boolean;
        created_at: Date;
      }>
    >(
      `SELECT id, seq, author_id, body, hidden_at IS NOT NULL AS removed, created_at FROM messages
        WHERE conversation_id = $1 ORDER BY seq DESC LIMIT $2`,
      [conversationId, limit],
    );
    return rows.reverse().map((r) => ({
      id: r.id,
      seq: r.seq,
      authorId: r.author_id,
      body: r.body,
      removed: r.removed,
      createdAt: r.created_at.toISOString(),
    }));
  }

  /** Messages with a sequence number above `after`, ascending, at most `limit`. */
  async messagesAfter(
    conversationId: string,
    after: number,
    limit: number,
  ): Promise<MessageView[]> {
    const rows = await this.ds.query<MessageRow[]>(
      `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conversation_id = $1 AND seq > $2
        ORDER BY seq LIMIT $3`,
      [conversationId, after, limit],
    );
    return rows.map(toMessageView);
  }

  /**
   * Moves the reader's marker forward to `seq`, never back and never past the last message.
   * False when `userId` is not a participant.
   */
  async markRead(conversationId: string, userId: string, seq: number): Promise<boolean> {
    const [, count] = await this.ds.query<[unknown[], number]>(
      `UPDATE conversation_participants p
          SET last_read_seq = GREATEST(p.last_read_seq, LEAST($3::int, c.last_seq))
         FROM conversations c
        WHERE c.id = p.conversation_id AND p.conversation_id = $1 AND p.user_id = $2`,
      [conversationId, userId, seq],
    );
    return count > 0;
  }

  /**
   * The asker's question conversation about a listing, created with both participants on first
   * use. The partial unique index `uq_conversations_question` settles concurrent first questions:
   * the loser's insert waits for the winner's commit, does nothing, and reads the winner's row.
   */
  async questionFor(
    manager: EntityManager,
    listingId: string,
    askerId: string,
    ownerId: string,
  ): Promise<string> {
    const inserted = await manager.query<Array<{ id: string }>>(
      `INSERT INTO conversations (kind, listing_id, asker_id) VALUES ('question', $1, $2)
       ON CONFLICT (listing_id, asker_id) WHERE kind = 'question' DO NOTHING RETURNING id`,
      [listingId, askerId],
    );
    let id = inserted[0]?.id;
    if (!id) {
      const existing = await manager.query<Array<{ id: string }>>(
        `SELECT id FROM conversations WHERE kind = 'question' AND listing_id = $1 AND asker_id = $2`,
        [listingId, askerId],
      );
      id = existing[0]!.id;
    }
    await this.addParticipants(manager, id, [askerId, ownerId]);
    return id;
  }
}
