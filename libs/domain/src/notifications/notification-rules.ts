import type { ExchangeStatus } from '../exchanges/exchange';
import {
  type ChannelPreference,
  EMAIL_MODES,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationPreferences,
  effectivePreferences,
} from './notification';

/** Where a notification row stands with e-mail: `sent` once claimed by the sending transaction. */
export type EmailState = 'pending' | 'digest' | 'sent' | 'off';

/** How one notification is delivered, from its recipient's preferences. */
export interface Delivery {
  inApp: boolean;
  emailState: Exclude<EmailState, 'sent'>;
}

/** Kind of the notification announcing that an exchange reached `status`. */
export function exchangeNotificationKind(
  status: ExchangeStatus,
  reason?: string | null,
): NotificationKind {
  if (status === 'declined' && reason === 'taken') return 'gift_went_to_another';
  return `exchange_${status}`;
}

/**
 * Who hears about a step: the party who did not take it, or both parties when the system took it
 * (`actorId` null: timers). A request declined because the owner gave the item to someone else
 * (`reason: 'taken'`) only concerns its requester: the owner's own choice caused it. Someone
 * outside the exchange acting notifies nobody.
 */
export function exchangeRecipients(parties: {
  ownerId: string;
  requesterId: string;
  actorId: string | null;
  reason?: string | null;
}): string[] {
  const { ownerId, requesterId, actorId, reason } = parties;
  if (reason === 'taken') return [requesterId];
  if (actorId === null) return [ownerId, requesterId];
  if (actorId === ownerId) return [requesterId];
  if (actorId === requesterId) return [ownerId];
  return [];
}

/**
 * The channels of a `kind` notification for a recipient; `null` when every channel is off (no row
 * is written then: there is nothing to show or send).
 */
export function deliveryFor(
  prefs: NotificationPreferences,
  kind: NotificationKind,
): Delivery | null {
  const p = prefs[kind];
  const emailState = p.email === 'instant' ? 'pending' : p.email;
  if (!p.inApp && emailState === 'off') return null;
  return { inApp: p.inApp, emailState };
}

function isChannel(value: unknown): value is ChannelPreference {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.inApp === 'boolean' && (EMAIL_MODES as readonly unknown[]).includes(v.email);
}

/**
 * Stored preferences (a jsonb column, so any shape) reduced to the well-formed entries of known
 * kinds; anything else falls back to its default.
 */
export function storedPreferences(stored: unknown): Partial<NotificationPreferences> {
  const out: Partial<NotificationPreferences> = {};
  if (typeof stored !== 'object' || stored === null) return out;
  for (const kind of NOTIFICATION_KINDS) {
    const value = (stored as Record<string, unknown>)[kind];
    if (isChannel(value)) out[kind] = { inApp: value.inApp, email: value.email };
  }
  return out;
}

/** Effective preferences from whatever the column holds. */
export function preferencesFrom(stored: unknown): NotificationPreferences {
  return effectivePreferences(storedPreferences(stored));
}

/** Limits of the "someone nearby is looking for what you have" match (`wanted_match`). */
export const WANTED_MATCH = {
  /** Distinct owners notified at most, nearest first. */
  maxOwners: 5,
  /** Metres around the wanted post's public point. */
  radiusM: 3000,
  /** Title words shorter than this do not count as shared words ("de", "à"…). */
  minWordLength: 3,
} as const;
