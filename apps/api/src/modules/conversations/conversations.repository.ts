import { Injectable } from '@nestjs/common';
import type { MessageView } from '@partagora/domain';
import { DataSource, type EntityManager } from 'typeorm';

interface MessageRow {
  id: string;
  conversation_id: string;
  seq: number;
  author_id: string;
  body: string;
  created_at: Date;
}

export function toMessageView(r: MessageRow): MessageView {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    seq: r.seq,
    authorId: r.author_id,
    body: r.body,
    createdAt: r.created_at.toISOString(),
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
       RETURNING id, conversation_id, seq, author_id, body, created_at`,
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
}
