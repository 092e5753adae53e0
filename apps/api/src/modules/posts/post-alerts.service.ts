import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type TownAlertData, postPath, pushPayload } from '@partagora/domain';
import type { EntityManager } from 'typeorm';
import { afterCommit } from '../../common/after-commit';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { WebPushSender } from '../../infra/push/web-push.sender';
import { NotificationsService } from '../notifications/notifications.service';
import { OutboxRepository } from '../outbox/outbox.repository';
import { OutboxService } from '../outbox/outbox.service';
import { type NewDelivery, PostsRepository } from './posts.repository';

/** A read-receipt token: 32 random bytes would be overkill; 24 give 32 base64url characters. */
const receiptToken = () => randomBytes(24).toString('base64url');

/** How much of an alert's text the notification and its e-mail carry. */
const EXCERPT_MAX = 280;

const excerptOf = (body: string) => {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_MAX ? `${flat.slice(0, EXCERPT_MAX - 1)}…` : flat;
};

/**
 * The worker side of town alerts: fans an alert out to the town's members (notification rows:
 * in-app, live and e-mail by preference, delivered like every notification) and to its push
 * subscriptions (one `post.push` outbox row each), writing one delivery row per recipient and
 * channel; then sends each push once.
 */
@Injectable()
export class PostAlertsService {
  private readonly logger = new Logger(PostAlertsService.name);

  constructor(
    private readonly repo: PostsRepository,
    private readonly notifications: NotificationsService,
    private readonly outboxRows: OutboxRepository,
    private readonly outbox: OutboxService,
    private readonly push: WebPushSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** In the `post.alert` outbox row's transaction: every delivery row, at most once each. */
  async fanOut(manager: EntityManager, postId: string): Promise<void> {
    const post = await this.repo.find(postId, manager);
    if (!post || post.unpublishedAt) return; // withdrawn before it went out
    const sourceKey = `post:${post.id}`;
    const members = await this.repo.townMembers(manager, post.municipalityId);
    const tokens = new Map(
      members.map((id) => [id, { inApp: receiptToken(), email: receiptToken() }]),
    );
    await this.notifications.notify(
      manager,
      sourceKey,
      members.map((userId) => {
        const t = tokens.get(userId)!;
        const data: TownAlertData = {
          postId: post.id,
          postTitle: post.title,
          excerpt: excerptOf(post.body),
          municipalitySlug: post.slug,
          municipalityName: post.townName,
          receipt: t.inApp,
          emailReceipt: t.email,
        };
        return { userId, kind: 'town_alert' as const, data: { ...data } };
      }),
    );
    const deliveries: NewDelivery[] = [];
    for (const n of await this.repo.alertNotifications(manager, sourceKey)) {
      const t = tokens.get(n.userId);
      if (!t) continue; // written by an earlier, committed run: its deliveries exist
      const base = {
        recipientKey: `user:${n.userId}`,
        pushSubscriptionId: null,
        notificationId: n.id,
      };
      if (n.inApp) deliveries.push({ ...base, channel: 'in_app', token: t.inApp, delivered: true });
      if (n.emailState === 'pending' || n.emailState === 'digest') {
        deliveries.push({ ...base, channel: 'email', token: t.email, delivered: false });
      }
    }
    for (const subId of await this.repo.activeSubscriptions(manager, post.municipalityId)) {
      deliveries.push({
        channel: 'push',
        recipientKey: `push:${subId}`,
        pushSubscriptionId: subId,
        notificationId: null,
        token: receiptToken(),
        delivered: false,
      });
    }
    const inserted = await this.repo.insertDeliveries(manager, post.id, deliveries);
    const outboxIds: string[] = [];
    for (const d of inserted) {
      if (d.channel === 'push') {
        outboxIds.push(await this.outboxRows.add(manager, 'post.push', { deliveryId: d.id }));
      }
    }
    if (outboxIds.length > 0) afterCommit(manager, () => this.outbox.publish(outboxIds));
    this.logger.log(
      `alert ${post.id}: ${members.length} member(s), ${outboxIds.length} push subscription(s)`,
    );
  }

  /**
   * In the `post.push` outbox row's transaction, under the delivery's row lock: sends it once. A
   * push service that refuses for now throws (the outbox retries); one that says the subscription
   * is gone retires it. Like e-mail, a crash between the push service's acceptance and the commit
   * sends it again (at least once, never lost).
   */
  async sendPush(manager: EntityManager, deliveryId: string): Promise<void> {
    const job = await this.repo.claimPush(manager, deliveryId);
    if (!job) return; // already sent, failed or gone
    if (job.unpublished) {
      await this.repo.settleDelivery(manager, job.id, 'failed', 'the post was unpublished');
      return;
    }
    if (job.removed || !job.endpoint || !job.p256dh || !job.auth) {
      await this.repo.settleDelivery(manager, job.id, 'gone', 'unsubscribed before delivery');
      return;
    }
    const post = await this.repo.find(job.postId, manager);
    if (!post) return;
    const url = `${this.config.publicUrl}${postPath(post.slug, post.id, { via: 'push', token: job.token })}`;
    const outcome = await this.push.send(
      { endpoint: job.endpoint, p256dh: job.p256dh, auth: job.auth },
      JSON.stringify(pushPayload(post, url)),
    );
    switch (outcome.kind) {
      case 'delivered':
        await this.repo.settleDelivery(manager, job.id, 'delivered');
        return;
      case 'gone':
        await this.repo.settleDelivery(manager, job.id, 'gone', `push service: ${outcome.status}`);
        if (job.subscriptionId) await this.repo.retireSubscription(manager, job.subscriptionId);
        return;
      case 'rejected':
        await this.repo.settleDelivery(manager, job.id, 'failed', outcome.error);
        return;
      case 'retry':
        throw new Error(`push ${job.id} not delivered yet: ${outcome.error}`);
    }
  }
}
