import { postPath } from '../posts/post';
import type { NotificationKind } from './notification';

/** What a notification opens in the web app. */
export type NotificationTarget =
  'exchange' | 'conversation' | 'listing' | 'review' | 'profile' | 'post';

/**
 * Per kind, what a notification opens: every step and reminder of an exchange (a gift that
 * went to someone else included: it is a step of the requester's own exchange) opens that
 * exchange; a message opens its conversation, to read and reply; a match opens the listing.
 */
export const NOTIFICATION_TARGET: Record<NotificationKind, NotificationTarget> = {
  exchange_requested: 'exchange',
  exchange_accepted: 'exchange',
  exchange_declined: 'exchange',
  exchange_cancelled: 'exchange',
  exchange_handed_over: 'exchange',
  exchange_returned: 'exchange',
  exchange_completed: 'exchange',
  exchange_no_show: 'exchange',
  exchange_overdue: 'exchange',
  exchange_expired: 'exchange',
  gift_went_to_another: 'exchange',
  message_received: 'conversation',
  reminder_pickup: 'exchange',
  reminder_return_due: 'exchange',
  alert_match: 'listing',
  wanted_match: 'listing',
  review_reminder: 'review',
  review_revealed: 'profile',
  // Only a listing target carries `listingId` (and a reporter's only while it stays visible);
  // a user or message target has no page of its own to open: no link, e-mails open the list.
  report_resolved: 'listing',
  moderation_notice: 'listing',
  exchange_reschedule_proposed: 'exchange',
  exchange_rescheduled: 'exchange',
  waitlist_available: 'listing',
  town_alert: 'post',
};

/** The `data` key holding the target's id, and the web path under which it opens. */
const ROUTE: Record<NotificationTarget, { key: string; path: string; suffix?: string }> = {
  exchange: { key: 'exchangeId', path: '/exchanges/' },
  conversation: { key: 'conversationId', path: '/messages/' },
  listing: { key: 'listingId', path: '/listings/' },
  review: { key: 'exchangeId', path: '/exchanges/', suffix: '/review' },
  profile: { key: 'subjectId', path: '/users/' },
  post: { key: 'postId', path: '/t/' },
};

const text = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * The web path a notification leads to (`/exchanges/<id>`, `/messages/<id>`, `/listings/<id>`,
 * `/exchanges/<id>/review`, `/users/<id>`),
 * from its kind and the ids in its `data`; null when `data` lacks that id. Used by the in-app
 * list and the e-mails alike.
 */
export function notificationLink(
  kind: NotificationKind,
  data: Readonly<Record<string, unknown>>,
): string | null {
  const target = NOTIFICATION_TARGET[kind];
  if (target === 'post') {
    // A town post lives under its town; the in-app link carries the in-app read receipt.
    const { municipalitySlug: slug, postId, receipt } = data;
    if (!text(slug) || !text(postId)) return null;
    return postPath(slug, postId, text(receipt) ? { via: 'list', token: receipt } : undefined);
  }
  const route = ROUTE[target];
  const id = data[route.key];
  return typeof id === 'string' && id.trim() !== ''
    ? `${route.path}${encodeURIComponent(id)}${route.suffix ?? ''}`
    : null;
}
