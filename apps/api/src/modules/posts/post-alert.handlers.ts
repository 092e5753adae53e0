import { Injectable } from '@nestjs/common';
import type { OutboxEvent } from '@partagora/domain';
import type { EntityManager } from 'typeorm';
import type { OutboxHandler } from '../outbox/outbox-handlers';
import { PostAlertsService } from './post-alerts.service';

/** `post.alert` → notification rows for the town's members and one push per subscription. */
@Injectable()
export class PostAlertHandler implements OutboxHandler<'post.alert'> {
  static readonly handles: readonly 'post.alert'[] = ['post.alert'];

  constructor(private readonly alerts: PostAlertsService) {}

  async handle(event: OutboxEvent<'post.alert'>, manager: EntityManager): Promise<void> {
    await this.alerts.fanOut(manager, event.payload.postId);
  }
}

/** `post.push` → one Web Push message, sent once. */
@Injectable()
export class PostPushHandler implements OutboxHandler<'post.push'> {
  static readonly handles: readonly 'post.push'[] = ['post.push'];

  constructor(private readonly alerts: PostAlertsService) {}

  async handle(event: OutboxEvent<'post.push'>, manager: EntityManager): Promise<void> {
    await this.alerts.sendPush(manager, event.payload.deliveryId);
  }
}
