import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  type ConversationView,
  type ConversationsQuery,
  DomainError,
  cursorCodec,
  type MessageView,
  type MessagesQuery,
  type OutboxPayloadInput,
  canViewListing,
  sanitizeMessageBody,
} from '@partagora/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { RealtimeAccess } from '../../infra/realtime/realtime-access';
import { RealtimeEmitter } from '../../infra/realtime/realtime-emitter';
import { BlocksService } from '../blocks/blocks.service';
import { ListingsService } from '../listings/listings.service';
import { OutboxRepository } from '../outbox/outbox.repository';
import { OutboxService } from '../outbox/outbox.service';
import { type ConversationRow, ConversationsRepository } from './conversations.repository';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const CONVERSATIONS_PAGE = 50;
const MESSAGES_PAGE = 50;
/** Sequence numbers are PostgreSQL `integer`s: a larger `after` asks for nothing more. */
const MAX_SEQ = 2_147_483_647;

const notFound = () => new DomainError('CONVERSATION_NOT_FOUND', 'No such conversation');

export function toConversationView(r: ConversationRow): ConversationView {
  return {
    id: r.id,
    kind: r.kind,
    listingId: r.listing_id,
    listingTitle: r.listing_title,
    exchangeId: r.exchange_id,
    otherParty: { id: r.other_id, displayName: r.other_name },
    lastSeq: r.last_seq,
    lastMessage:
      r.m_id !== null && r.m_seq !== null && r.m_author_id !== null && r.m_created_at !== null
        ? {
            id: r.m_id,
            conversationId: r.id,
            seq: r.m_seq,
            authorId: r.m_author_id,
            body: r.m_body ?? '',
            createdAt: r.m_created_at.toISOString(),
          }
        : null,
    unread: Math.max(0, r.last_seq - r.viewer_last_read_seq),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The stored text of a message, or a 400 on `body` when nothing is left to say. */
function messageBody(raw: string): string {
  const body = sanitizeMessageBody(raw);
  if (!body) {
    throw new DomainError('VALIDATION_FAILED', 'The message is empty', [
      { path: 'body', message: 'Write something' },
    ]);
  }
  return body;
}

/**
 * Chat between the parties of an exchange, or about a listing before any request. Existence is
 * private: whoever is not a participant gets CONVERSATION_NOT_FOUND, never FORBIDDEN.
 */
@Injectable()
export class ConversationsService implements OnModuleInit {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: ConversationsRepository,
    private readonly listings: ListingsService,
    private readonly outboxRows: OutboxRepository,
    private readonly outbox: OutboxService,
    private readonly realtime: RealtimeEmitter,
    private readonly realtimeAccess: RealtimeAccess,
    private readonly blocks: BlocksService,
  ) {}

  /** Participants may follow their conversation's socket room (`conversation.join`). */
  onModuleInit(): void {
    this.realtimeAccess.allow('conversation', (userId, conversationId) =>
      this.isParticipant(conversationId, userId),
    );
  }

  /** `GET /conversations`: mine, most recently updated first. */
  async list(userId: string, q: ConversationsQuery): Promise<Page<ConversationView>> {
    const limit = q.limit ?? CONVERSATIONS_PAGE;
    const rows = await this.repo.listForUser(
      userId,
      limit + 1,
      q.cursor ? toUpdatedCursor(listCursor.decode(q.cursor)) : undefined,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toConversationView),
      nextCursor:
        rows.length > limit && last ? listCursor.encode([last.updated_key, last.id]) : null,
    };
  }

  /** `GET /conversations/:id/messages?after=seq`: the history, ascending; resync after a drop. */
  async messages(
    userId: string,
    conversationId: string,
    q: MessagesQuery,
  ): Promise<Page<MessageView>> {
    if (!(await this.repo.isParticipant(conversationId, userId))) throw notFound();
    const limit = q.limit ?? MESSAGES_PAGE;
    const after = Math.min(q.after ?? 0, MAX_SEQ);
    const rows = await this.repo.messagesAfter(conversationId, after, limit + 1);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? String(last.seq) : null };
  }

  /** `POST /conversations/:id/messages`. */
  async post(userId: string, conversationId: string, rawBody: string): Promise<MessageView> {
    const body = messageBody(rawBody);
    const { message, participants, outboxId } = await this.ds.transaction(async (manager) => {
      const participants = await this.repo.participants(conversationId, manager);
      if (!participants.includes(userId)) throw notFound();
      await this.blocks.assertNotBlocked(
        userId,
        participants.filter((p) => p !== userId),
        manager,
      );
      return {
        participants,
        ...(await this.append(manager, conversationId, userId, participants, body)),
      };
    });
    await this.afterPost(message, participants, outboxId);
    return message;
  }

  /** `POST /conversations/:id/read`: my marker moves forward to `seq`, capped at the last one. */
  async markRead(userId: string, conversationId: string, seq: number): Promise<void> {
    if (!(await this.repo.markRead(conversationId, userId, seq))) throw notFound();
  }

  /**
   * `POST /listings/:id/conversations`: a question about a listing before any request. One
   * conversation per listing and asker: a second question goes to the same one.
   */
  async ask(userId: string, listingId: string, rawBody: string): Promise<ConversationView> {
    const body = messageBody(rawBody);
    const listing = await this.listings.access(listingId);
    if (!listing || !canViewListing(listing, userId)) {
      throw new DomainError('LISTING_NOT_FOUND', 'No such listing');
    }
    if (listing.ownerId === userId) {
      throw new DomainError('SELF_EXCHANGE', 'This is your own listing');
    }
    await this.blocks.assertNotBlocked(userId, [listing.ownerId]);
    const participants = [userId, listing.ownerId];
    const { conversationId, message, outboxId } = await this.ds.transaction(async (manager) => {
      const conversationId = await this.repo.questionFor(
        manager,
        listingId,
        userId,
        listing.ownerId,
      );
      return {
        conversationId,
        ...(await this.append(manager, conversationId, userId, participants, body)),
      };
    });
    await this.afterPost(message, participants, outboxId);
    const view = await this.repo.findForParticipant(conversationId, userId);
    return toConversationView(view!);
  }

  /**
   * The conversation of a new exchange between its parties, in the exchange's transaction, with
   * the request's message first when it says something. That message announces nothing itself:
   * the request's own notification does.
   */
  async openForExchange(
    manager: EntityManager,
    listingId: string,
    participants: string[],
    opening?: { authorId: string; body: string },
  ): Promise<string> {
    const conversationId = await this.repo.createForExchange(manager, listingId, participants);
    const body = opening ? sanitizeMessageBody(opening.body) : '';
    if (opening && body)
      await this.repo.addMessage(manager, conversationId, opening.authorId, body);
    return conversationId;
  }

  /** Whether `userId` may see the conversation. */
  isParticipant(conversationId: string, userId: string): Promise<boolean> {
    return this.repo.isParticipant(conversationId, userId);
  }

  /** The message and its outbox row, in the caller's transaction. */
  private async append(
    manager: EntityManager,
    conversationId: string,
    authorId: string,
    participants: string[],
    body: string,
  ): Promise<{ message: MessageView; outboxId: string }> {
    const message = await this.repo.addMessage(manager, conversationId, authorId, body);
    const payload: OutboxPayloadInput<'message.posted'> = {
      messageId: message.id,
      conversationId,
      authorId,
      recipientIds: participants.filter((id) => id !== authorId),
    };
    const outboxId = await this.outboxRows.add(manager, 'message.posted', payload);
    return { message, outboxId };
  }

  /**
   * After commit: queue the notification; show the message live on every participant's devices
   * and to the sockets following the conversation.
   */
  private async afterPost(
    message: MessageView,
    participants: string[],
    outboxId: string,
  ): Promise<void> {
    await this.outbox.publish([outboxId]);
    this.realtime.toConversation(message.conversationId, participants, 'message', message);
  }
}

/** Most recently updated first on `(updated_at, id)`. */
const listCursor = cursorCodec(['instant', 'uuid']);
const toUpdatedCursor = ([updatedKey, id]: readonly [string, string]) => ({ updatedKey, id });
