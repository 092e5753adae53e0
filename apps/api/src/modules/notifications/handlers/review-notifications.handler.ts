import { Injectable } from '@nestjs/common';
import type { OutboxEvent, ReviewReminderData, ReviewRevealedData } from '@partagora/domain';
import type { EntityManager } from 'typeorm';
import type { OutboxHandler } from '../../outbox/outbox-handlers';
import { NotificationsRepository } from '../notifications.repository';
import { type NotificationDraft, NotificationsService } from '../notifications.service';

type Handled = 'review.revealed' | 'review.reminder';

/**
 * `review.revealed` → the subject of each revealed review hears of it (`review_revealed`, opens
 * their profile); `review.reminder` → the parties who have not reviewed yet (`review_reminder`,
 * opens the review screen). Rows carry ids and display texts only, never the comment.
 */
@Injectable()
export class ReviewNotificationsHandler implements OutboxHandler<Handled> {
  static readonly handles: readonly Handled[] = ['review.revealed', 'review.reminder'];

  constructor(
    private readonly repo: NotificationsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  async handle(event: OutboxEvent<Handled>, manager: EntityManager): Promise<void> {
    if (event.type === 'review.revealed') {
      const reviews = await this.repo.reviewContexts(manager, event.payload.reviewIds);
      const drafts: NotificationDraft[] = reviews.map((r) => {
        const data: ReviewRevealedData = {
          exchangeId: r.exchange_id,
          reviewId: r.id,
          subjectId: r.subject_id,
          listingTitle: r.listing_title,
          authorName: r.author_name,
          rating: r.rating,
        };
        return { userId: r.subject_id, kind: 'review_revealed', data: { ...data } };
      });
      await this.notifications.notify(manager, `outbox:${event.id}`, drafts);
      return;
    }
    const ex = await this.repo.exchangeContext(manager, event.payload.exchangeId);
    if (!ex) return;
    const drafts: NotificationDraft[] = event.payload.recipientIds
      .filter((id) => id === ex.ownerId || id === ex.requesterId)
      .map((userId) => {
        const isOwner = userId === ex.ownerId;
        const data: ReviewReminderData = {
          exchangeId: ex.id,
          listingTitle: ex.listingTitle,
          otherPartyId: isOwner ? ex.requesterId : ex.ownerId,
          otherPartyName: isOwner ? ex.requesterName : ex.ownerName,
        };
        return { userId, kind: 'review_reminder', data: { ...data } };
      });
    await this.notifications.notify(manager, `outbox:${event.id}`, drafts);
  }
}
