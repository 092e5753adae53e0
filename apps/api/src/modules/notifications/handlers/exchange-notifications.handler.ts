import { Injectable, Logger } from '@nestjs/common';
import {
  EXCHANGE_STATUSES,
  type ExchangeNotificationData,
  type ExchangeStatus,
  type NotificationKind,
  exchangeNotificationKind,
  exchangeRecipients,
} from '@partagora/domain';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { exchangeEvent } from '../../exchanges/exchanges.service';
import { type OutboxHandler, outboxPayload } from '../../outbox/outbox-handlers';
import type { OutboxRow } from '../../outbox/outbox.repository';
import { NotificationsRepository } from '../notifications.repository';
import { type NotificationDraft, NotificationsService } from '../notifications.service';

const payloadSchema = z.object({
  exchangeId: z.uuid(),
  actorId: z.uuid().nullable(),
  reason: z.string().optional(),
});

/** Written by the reminders timer (actor: the system, so both parties hear of it). */
export const EXCHANGE_REMINDER = 'exchange.reminder';

const reminderSchema = z.object({
  exchangeId: z.uuid(),
  type: z.enum(['pickup', 'return_due']),
});

const REMINDER_KIND = {
  pickup: 'reminder_pickup',
  return_due: 'reminder_return_due',
} as const satisfies Record<string, NotificationKind>;

/** `exchange.<status>` → a notification for the party who did not act (both for the system). */
@Injectable()
export class ExchangeNotificationsHandler {
  private readonly logger = new Logger(ExchangeNotificationsHandler.name);

  constructor(
    private readonly repo: NotificationsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  /** One outbox handler per exchange status, and one for reminders. */
  handlers(): OutboxHandler[] {
    return [
      ...EXCHANGE_STATUSES.map((status) => ({
        type: exchangeEvent(status),
        handle: (row: OutboxRow, manager: EntityManager) => this.handleStep(status, row, manager),
      })),
      { type: EXCHANGE_REMINDER, handle: (row, manager) => this.handleReminder(row, manager) },
    ];
  }

  async handleStep(status: ExchangeStatus, row: OutboxRow, manager: EntityManager): Promise<void> {
    const payload = outboxPayload(row, payloadSchema, this.logger);
    if (!payload) return;
    const { exchangeId, actorId, reason } = payload;
    await this.notifyParties(
      row,
      manager,
      exchangeId,
      { actorId, reason },
      exchangeNotificationKind(status, reason),
    );
  }

  async handleReminder(row: OutboxRow, manager: EntityManager): Promise<void> {
    const payload = outboxPayload(row, reminderSchema, this.logger);
    if (!payload) return;
    const { exchangeId, type } = payload;
    await this.notifyParties(row, manager, exchangeId, { actorId: null }, REMINDER_KIND[type]);
  }

  private async notifyParties(
    row: OutboxRow,
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
    await this.notifications.notify(manager, `outbox:${row.id}`, drafts);
  }
}
