import { NOTIFICATION_KINDS, type NotificationKind } from './notification';
import { notificationLink } from './notification-link';

const EXCHANGE = '11111111-1111-4111-8111-111111111111';
const LISTING = '22222222-2222-4222-8222-222222222222';
const CONVERSATION = '33333333-3333-4333-8333-333333333333';
const SUBJECT = '44444444-4444-4444-8444-444444444444';
const POST = '55555555-5555-4555-8555-555555555555';

/** Everything a notification's data may carry: each kind picks the id it leads to. */
const DATA = {
  exchangeId: EXCHANGE,
  listingId: LISTING,
  conversationId: CONVERSATION,
  subjectId: SUBJECT,
  postId: POST,
  municipalitySlug: 'dinan',
  receipt: 'in-app-receipt-token',
};

/** Kind → where it leads, written out by hand (a new kind fails to compile until listed). */
const WANT: Record<NotificationKind, string> = {
  exchange_requested: `/exchanges/${EXCHANGE}`,
  exchange_accepted: `/exchanges/${EXCHANGE}`,
  exchange_declined: `/exchanges/${EXCHANGE}`,
  exchange_cancelled: `/exchanges/${EXCHANGE}`,
  exchange_handed_over: `/exchanges/${EXCHANGE}`,
  exchange_returned: `/exchanges/${EXCHANGE}`,
  exchange_completed: `/exchanges/${EXCHANGE}`,
  exchange_no_show: `/exchanges/${EXCHANGE}`,
  exchange_overdue: `/exchanges/${EXCHANGE}`,
  exchange_expired: `/exchanges/${EXCHANGE}`,
  // The requester's own exchange, declined: it stays theirs to see (a listing may be removed).
  gift_went_to_another: `/exchanges/${EXCHANGE}`,
  // The conversation, to read and reply, even when it belongs to an exchange.
  message_received: `/messages/${CONVERSATION}`,
  reminder_pickup: `/exchanges/${EXCHANGE}`,
  reminder_return_due: `/exchanges/${EXCHANGE}`,
  exchange_reschedule_proposed: `/exchanges/${EXCHANGE}`,
  exchange_rescheduled: `/exchanges/${EXCHANGE}`,
  alert_match: `/listings/${LISTING}`,
  wanted_match: `/listings/${LISTING}`,
  // The review screen of the exchange; a revealed review shows on the recipient's own profile.
  review_reminder: `/exchanges/${EXCHANGE}/review`,
  review_revealed: `/users/${SUBJECT}`,
  report_resolved: `/listings/${LISTING}`,
  moderation_notice: `/listings/${LISTING}`,
  // The item is back: its page, to book it.
  waitlist_available: `/listings/${LISTING}`,
  // The post page of its town, with the in-app read receipt.
  town_alert: `/t/dinan/posts/${POST}?via=list&r=in-app-receipt-token`,
};

/** The `data` key each kind's link is built from. */
const KEY_OF = (kind: NotificationKind) =>
  WANT[kind].startsWith('/exchanges/')
    ? 'exchangeId'
    : WANT[kind].startsWith('/messages/')
      ? 'conversationId'
      : WANT[kind].startsWith('/users/')
        ? 'subjectId'
        : WANT[kind].startsWith('/t/')
          ? 'postId'
          : 'listingId';

describe(notificationLink.name, () => {
  it.each(NOTIFICATION_KINDS.map((kind) => [kind, WANT[kind]] as const))(
    'should lead %s to %s',
    (kind, want) => {
      expect(notificationLink(kind, DATA)).toBe(want);
    },
  );

  it.each(NOTIFICATION_KINDS.map((kind) => [kind] as const))(
    'should give %s no link when its id is missing, blank or not text',
    (kind) => {
      const key = KEY_OF(kind);
      for (const value of [undefined, null, '', '   ', 42, { id: EXCHANGE }]) {
        expect(notificationLink(kind, { ...DATA, [key]: value })).toBeNull();
      }
    },
  );

  it('should not fall back to another id than its own', () => {
    expect(notificationLink('message_received', { exchangeId: EXCHANGE })).toBeNull();
    expect(notificationLink('exchange_accepted', { conversationId: CONVERSATION })).toBeNull();
    expect(notificationLink('alert_match', { exchangeId: EXCHANGE })).toBeNull();
  });

  it('should keep whatever the id holds inside one path segment', () => {
    expect(notificationLink('exchange_accepted', { exchangeId: '../admin?x=1#y' })).toBe(
      '/exchanges/..%2Fadmin%3Fx%3D1%23y',
    );
    expect(notificationLink('message_received', { conversationId: 'a/b' })).toBe('/messages/a%2Fb');
  });
});
