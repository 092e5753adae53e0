import { Injectable } from '@nestjs/common';
import type { OutboxEvent } from '@partagora/domain';
import type { EntityManager } from 'typeorm';
import type { OutboxHandler } from '../../outbox/outbox-handlers';
import { NotificationsService } from '../notifications.service';

type Handled = 'notification.created';

/** `notification.created` → live push (in-app) and instant e-mail (when pending). */
@Injectable()
export class NotificationCreatedHandler implements OutboxHandler<Handled> {
  static readonly handles: readonly Handled[] = ['notification.created'];

  constructor(private readonly notifications: NotificationsService) {}

  async handle(event: OutboxEvent<Handled>, manager: EntityManager): Promise<void> {
    await this.notifications.deliver(manager, event.payload.notificationId);
  }
}
