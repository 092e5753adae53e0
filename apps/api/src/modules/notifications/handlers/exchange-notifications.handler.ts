import { Injectable } from '@nestjs/common';
import {
  EXCHANGE_STATUSES,
  type ExchangeEventType,
  type ExchangeNotificationData,
  type NotificationKind,
  type OutboxEvent,
  exchangeEventType,
  exchangeNotificationKind,
  exchangeRecipients,
  exchangeStatusOfEvent,
} from '@partagora/domain';
import type { EntityManager } from 'typeorm';
import type { OutboxHandler } from '../../outbox/outbox-handlers';
import { NotificationsRepository } from '../notifications.repository';
import { type NotificationDraft, NotificationsService } from '../notifications.service';

type Handled = ExchangeEventType | 'exchange.reminder' | 'exchange.rescheduled';

const REMINDER_KIND = {
  pickup: 'reminder_pickup',
  return_due: 'reminder_return_due',
} as const satisfies Record<string, NotificationKind>;

/** `exchange.<status>` → a notification for the party who did not act (both for the system). */
@Injectable()
export class ExchangeNotificationsHandler implements OutboxHandler<Handled> {
  /** Every exchange step, and the reminders. */
  static readonly handles: readonly Handled[] = [
    ...EXCHANGE_STATUSES.map(exchangeEventType),
    'exchange.reminder',
    'exchange.rescheduled',
  ];

  constructor(
    private readonly repo: NotificationsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  async handle(event: OutboxEvent<Handled>, manager: EntityManager): Promise<void> {
    if (event.type === 'exchange.reminder') {
      const { exchangeId, type } = event.payload;
      await this.notifyParties(event, manager, exchangeId, { actorId: null }, REMINDER_KIND[type]);
      return;
    }
    if (event.type === 'exchange.rescheduled') {
      const { exchangeId, actorId, stage } = event.payload;
      await this.notifyParties(
        event,
        manager,
        exchangeId,
        { actorId },
        stage === 'proposed' ? 'exchange_reschedule_proposed' : 'exchange_rescheduled',
      );
      return;
    }
    const { exchangeId, actorId, reason } = event.payload;
    await this.notifyParties(
      event,
      manager,
      exchangeId,
      { actorId, reason },
      exchangeNotificationKind(exchangeStatusOfEvent(event.type), reason),
    );
  }

  private async notifyParties(
    event: OutboxEvent<Handled>,
    manager: EntityManager,
    exchangeId: string,
    step: { actorId: string | null; reason?: string },
    kind: NotificationKind,
  ): Promise<void> {
    const ex = await this.repo.exchangeContext(manager, exchangeId);
    if (!ex) return;
    const drafts: NotificationDraft[] = exchangeRecipients({
      ownerId: ex.ownerId,
      requesterId: ex.requesterId,
      ...step,
    }).map((userId) => {
      const isOwner = userId === ex.ownerId;
      const data: ExchangeNotificationData = {
        exchangeId: ex.id,
        exchangeKind: ex.kind,
        listingId: ex.listingId,
        listingTitle: ex.listingTitle,
        conversationId: ex.conversationId,
        otherPartyId: isOwner ? ex.requesterId : ex.ownerId,
        otherPartyName: isOwner ? ex.requesterName : ex.ownerName,
      };
      return { userId, kind, data: { ...data } };
    });
    await this.notifications.notify(manager, `outbox:${event.id}`, drafts);
  }
}
