import { Injectable, Logger } from '@nestjs/common';
import type { MessageNotificationData } from '@partagora/domain';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { type OutboxHandler, outboxPayload } from '../../outbox/outbox-handlers';
import type { OutboxRow } from '../../outbox/outbox.repository';
import { UsersService } from '../../users/users.service';
import { NotificationsRepository } from '../notifications.repository';
import { NotificationsService } from '../notifications.service';

/** Written by conversations when a message is posted (same transaction as the message). */
export const MESSAGE_POSTED = 'message.posted';

const payloadSchema = z.object({
  messageId: z.uuid(),
  conversationId: z.uuid(),
  authorId: z.uuid(),
  recipientIds: z.array(z.uuid()).max(50),
});

/**
 * `message.posted` → `message_received` for each recipient. The body stays out of the
 * notification (it may hold an address); recipients must be participants, never the author.
 */
@Injectable()
export class MessageNotificationsHandler implements OutboxHandler {
  readonly type = MESSAGE_POSTED;
  private readonly logger = new Logger(MessageNotificationsHandler.name);

  constructor(
    private readonly repo: NotificationsRepository,
    private readonly notifications: NotificationsService,
    private readonly users: UsersService,
  ) {}

  async handle(row: OutboxRow, manager: EntityManager): Promise<void> {
    const payload = outboxPayload(row, payloadSchema, this.logger);
    if (!payload) return;
    const p = payload;
    const conversation = await this.repo.conversationContext(manager, p.conversationId);
    if (!conversation) return;
    const recipients = await this.repo.participants(
      manager,
      p.conversationId,
      p.recipientIds.filter((id) => id !== p.authorId),
    );
    const [author] = await this.users.notificationContacts(manager, [p.authorId]);
    const data: MessageNotificationData = {
      conversationId: conversation.id,
      messageId: p.messageId,
      listingId: conversation.listingId,
      listingTitle: conversation.listingTitle,
      exchangeId: conversation.exchangeId,
      authorId: p.authorId,
      authorName: author?.displayName ?? '',
    };
    await this.notifications.notify(
      manager,
      `outbox:${row.id}`,
      recipients.map((userId) => ({ userId, kind: 'message_received', data: { ...data } })),
    );
  }
}
