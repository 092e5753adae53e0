import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AccountDataRegistry,
  type ErasureContext,
  type ErasureStep,
  type ExportContributor,
} from '../../common/account-data/account-data.registry';

interface ExportMessageRow {
  id: string;
  conversation_id: string;
  conversation_kind: 'exchange' | 'question';
  listing_id: string;
  seq: number;
  author_id: string;
  author_name: string;
  body: string;
  erased: boolean;
  created_at: Date;
}

/**
 * The conversations module's part of "leaving with your data": every message of the member's
 * conversations (theirs, and the others' bodies too, since they were addressed to them; authors
 * by id and name only), and at erasure the bodies they wrote emptied and flagged `erased`. The
 * conversations and their numbering stay, so the other participant's history keeps its shape.
 */
@Injectable()
export class ConversationsAccountData implements ExportContributor, ErasureStep, OnModuleInit {
  readonly name = 'conversations';
  readonly order = 100;

  constructor(
    private readonly ds: DataSource,
    private readonly registry: AccountDataRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.addExportContributor(this);
    this.registry.addErasureStep(this);
  }

  async exportSections(userId: string) {
    const rows = await this.ds.query<ExportMessageRow[]>(
      `SELECT m.id, m.conversation_id, c.kind AS conversation_kind, c.listing_id, m.seq, m.author_id,
              a.display_name AS author_name, m.body, m.erased, m.created_at
         FROM conversation_participants p
         JOIN conversations c ON c.id = p.conversation_id
         JOIN messages m ON m.conversation_id = c.id
         JOIN users a ON a.id = m.author_id
        WHERE p.user_id = $1
        ORDER BY c.created_at, c.id, m.seq`,
      [userId],
    );
    const messages = rows.map((r) => ({
      id: r.id,
      conversationId: r.conversation_id,
      conversationKind: r.conversation_kind,
      listingId: r.listing_id,
      seq: r.seq,
      authorId: r.author_id,
      author: { id: r.author_id, displayName: r.author_name },
      body: r.body,
      erased: r.erased,
      createdAt: r.created_at.toISOString(),
    }));
    return { messages };
  }

  async erase({ manager, userId }: ErasureContext): Promise<void> {
    await manager.query(`UPDATE messages SET body = '', erased = true WHERE author_id = $1`, [
      userId,
    ]);
  }
}
