import type { TFunction } from 'i18next';
import { EXCHANGE_KINDS, type ExchangeKind, type NotificationView } from '@partagora/domain';
import { DISTANCE_BUCKETS, type DistanceBucket } from '@partagora/geo';

type Data = Record<string, unknown>;

const text = (data: Data, key: string): string | undefined => {
  const value = data[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
};

const isExchangeKind = (v: unknown): v is ExchangeKind =>
  typeof v === 'string' && (EXCHANGE_KINDS as readonly string[]).includes(v);

const isBucket = (v: unknown): v is DistanceBucket =>
  typeof v === 'string' && (DISTANCE_BUCKETS as readonly string[]).includes(v);

/**
 * The sentence of a notification in the interface language, built from its `data` (display texts
 * and ids only). Missing names or titles fall back to neutral words, never to raw ids.
 */
export function notificationText(t: TFunction, n: Pick<NotificationView, 'kind' | 'data'>): string {
  const d = n.data;
  const title = text(d, 'listingTitle') ?? t('notifications.fallbackTitle');
  const name = text(d, 'otherPartyName') ?? t('notifications.fallbackName');
  switch (n.kind) {
    case 'exchange_requested': {
      const kind = d.exchangeKind;
      return isExchangeKind(kind)
        ? t(`notifications.text.exchange_requested.${kind}`, { name, title })
        : t('notifications.text.exchange_requested.other', { name, title });
    }
    case 'exchange_accepted':
    case 'exchange_declined':
    case 'exchange_cancelled':
    case 'exchange_handed_over':
    case 'exchange_returned':
    case 'exchange_completed':
    case 'exchange_no_show':
    case 'exchange_overdue':
    case 'exchange_expired':
    case 'gift_went_to_another':
    case 'reminder_pickup':
    case 'reminder_return_due':
    case 'exchange_reschedule_proposed':
    case 'exchange_rescheduled':
      return t(`notifications.text.${n.kind}`, { name, title });
    case 'message_received':
      return t('notifications.text.message_received', {
        name: text(d, 'authorName') ?? name,
        title,
      });
    case 'alert_match': {
      const distance = d.distance;
      const owner = text(d, 'ownerName');
      const base = owner
        ? t('notifications.text.alert_match', { name: owner, title })
        : t('notifications.text.alert_match_anonymous', { title });
      return isBucket(distance) ? `${base} (${t(`distance.${distance}`)})` : base;
    }
    case 'wanted_match':
      return t('notifications.text.wanted_match', {
        name: text(d, 'wantedByName') ?? name,
        title,
        mine: text(d, 'matchedListingTitle') ?? t('notifications.fallbackTitle'),
      });
    case 'review_reminder':
      return t('notifications.text.review_reminder', { name, title });
    case 'review_revealed': {
      const rating = typeof d.rating === 'number' ? d.rating : '?';
      const author = text(d, 'authorName');
      return author
        ? t('notifications.text.review_revealed', { name: author, rating, title })
        : t('notifications.text.review_revealed_former', { rating, title });
    }
    case 'report_resolved':
      return t(
        d.outcome === 'upheld'
          ? 'notifications.text.report_resolved_upheld'
          : 'notifications.text.report_resolved_dismissed',
      );
    case 'waitlist_available':
      return t('notifications.text.waitlist_available', { title });
    case 'town_alert':
      return t('notifications.text.town_alert', {
        town: text(d, 'municipalityName') ?? t('notifications.fallbackName'),
        title: text(d, 'postTitle') ?? t('notifications.fallbackTitle'),
      });
    case 'moderation_notice': {
      const notice = d.notice;
      const key =
        notice === 'hidden' || notice === 'restored' || notice === 'suspended' ? notice : 'warned';
      return t(`notifications.text.moderation_notice_${key}`, {
        title: text(d, 'targetLabel') ?? t('notifications.fallbackTitle'),
      });
    }
  }
}
