import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { type OutboxHandler, outboxPayload } from '../../outbox/outbox-handlers';
import type { OutboxRow } from '../../outbox/outbox.repository';
import { NOTIFICATION_CREATED, NotificationsService } from '../notifications.service';

const payloadSchema = z.object({ notificationId: z.uuid() });

/** `notification.created` → live push (in-app) and instant e-mail (when pending). */
@Injectable()
export class NotificationCreatedHandler implements OutboxHandler {
  readonly type = NOTIFICATION_CREATED;
  private readonly logger = new Logger(NotificationCreatedHandler.name);

  constructor(private readonly notifications: NotificationsService) {}

  async handle(row: OutboxRow, manager: EntityManager): Promise<void> {
    const payload = outboxPayload(row, payloadSchema, this.logger);
    if (!payload) return;
    await this.notifications.deliver(manager, payload.notificationId);
  }
}
