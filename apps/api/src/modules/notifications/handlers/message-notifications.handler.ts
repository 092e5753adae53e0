import { Injectable } from '@nestjs/common';
import type { MessageNotificationData, OutboxEvent } from '@partagora/domain';
import type { EntityManager } from 'typeorm';
import type { OutboxHandler } from '../../outbox/outbox-handlers';
import { UsersService } from '../../users/users.service';
import { NotificationsRepository } from '../notifications.repository';
import { NotificationsService } from '../notifications.service';

type Handled = 'message.posted';

/**
 * `message.posted` → `message_received` for each recipient. The body stays out of the
 * notification (it may hold an address); recipients must be participants, never the author.
 */
@Injectable()
export class MessageNotificationsHandler implements OutboxHandler<Handled> {
  static readonly handles: readonly Handled[] = ['message.posted'];

  constructor(
    private readonly repo: NotificationsRepository,
    private readonly notifications: NotificationsService,
    private readonly users: UsersService,
  ) {}

  async handle(event: OutboxEvent<Handled>, manager: EntityManager): Promise<void> {
    const p = event.payload;
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
      `outbox:${event.id}`,
      recipients.map((userId) => ({ userId, kind: 'message_received', data: { ...data } })),
    );
  }
}
