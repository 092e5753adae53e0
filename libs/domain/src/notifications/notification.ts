/** What a notification is about; labels and e-mail templates are translated per kind. */
export const NOTIFICATION_KINDS = [
  'exchange_requested',
  'exchange_accepted',
  'exchange_declined',
  'exchange_cancelled',
  'exchange_handed_over',
  'exchange_returned',
  'exchange_completed',
  'exchange_no_show',
  'exchange_overdue',
  'exchange_expired',
  'gift_went_to_another',
  'message_received',
  'reminder_pickup',
  'reminder_return_due',
  'alert_match',
  'wanted_match',
  'review_reminder',
  'review_revealed',
  /** To each reporter: a moderator decided about what they reported. */
  'report_resolved',
  /** To the author of a reported target: what was hidden, restored, warned or suspended, and why. */
  'moderation_notice',
  /** The other party of an agreed loan proposed new dates. */
  'exchange_reschedule_proposed',
  /** The new dates of an agreed loan were accepted. */
  'exchange_rescheduled',
  /** To each member of an item's waiting list: the item is back at the library. */
  'waitlist_available',
  /** An alert of the recipient's town hall (storm, water cut, road closed): town posts of kind alert. */
  'town_alert',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const EMAIL_MODES = ['instant', 'digest', 'off'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

export interface ChannelPreference {
  inApp: boolean;
  email: EmailMode;
}

export type NotificationPreferences = Record<NotificationKind, ChannelPreference>;

/** Chatty kinds go to the daily digest by default rather than one e-mail each. */
export const CHATTY_KINDS: readonly NotificationKind[] = [
  'message_received',
  'alert_match',
  'wanted_match',
];

export function defaultPreferences(): NotificationPreferences {
  const prefs = {} as NotificationPreferences;
  for (const kind of NOTIFICATION_KINDS) {
    prefs[kind] = { inApp: true, email: CHATTY_KINDS.includes(kind) ? 'digest' : 'instant' };
  }
  // Town alerts reach every member in the app and live; e-mail is for members who ask for it.
  prefs.town_alert = { inApp: true, email: 'off' };
  return prefs;
}

/** Stored preferences over the defaults (a kind added later gets its default). */
export function effectivePreferences(
  stored: Partial<NotificationPreferences> | null | undefined,
): NotificationPreferences {
  return { ...defaultPreferences(), ...(stored ?? {}) };
}
