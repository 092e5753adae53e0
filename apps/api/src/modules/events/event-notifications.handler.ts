import { Injectable } from '@nestjs/common';
import type { EventNotificationData, OutboxEvent } from '@partagora/domain';
import type { EntityManager } from 'typeorm';
import { NotificationsService } from '../notifications/notifications.service';
import type { OutboxHandler } from '../outbox/outbox-handlers';
import { EventsRepository } from './events.repository';

type Handled = 'event.rsvp_promoted' | 'event.reminder';

/**
 * `event.rsvp_promoted` → `event_waitlist_promoted` to the member who got the freed place;
 * `event.reminder` → `event_reminder` to the going member. In-app, live and e-mail by the
 * member's preferences, like every kind. Data: title, start, place name and organiser only.
 */
@Injectable()
export class EventNotificationsHandler implements OutboxHandler<Handled> {
  static readonly handles: readonly Handled[] = ['event.rsvp_promoted', 'event.reminder'];

  constructor(
    private readonly repo: EventsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  async handle(event: OutboxEvent<Handled>, manager: EntityManager): Promise<void> {
    const { eventId, userId } = event.payload;
    const ctx = await this.repo.notificationContext(manager, eventId);
    if (!ctx) return; // deleted with its town
    const data: EventNotificationData = {
      eventId,
      eventTitle: ctx.title,
      startsAt: ctx.startsAt.toISOString(),
      placeName: ctx.placeName,
      organiserName: ctx.organiserName,
    };
    const kind = event.type === 'event.reminder' ? 'event_reminder' : 'event_waitlist_promoted';
    // A reminder is one per member and start, whatever the number of outbox rows.
    const source =
      event.type === 'event.reminder'
        ? `event-reminder:${eventId}:${ctx.startsAt.getTime()}`
        : `outbox:${event.id}`;
    await this.notifications.notify(manager, source, [{ userId, kind, data: { ...data } }]);
  }
}
