import type { ExchangeKind } from '../exchanges/exchange';
import type { ListingCategory, ListingKind } from '../listings/listing';

/*
 * What `Notification.data` holds per kind: ids and display texts only. Never a coordinate, an
 * address or a message body (a message may carry an address; it stays in the party-scoped chat).
 */

/** `exchange_*` and `gift_went_to_another`. */
export interface ExchangeNotificationData {
  exchangeId: string;
  exchangeKind: ExchangeKind;
  listingId: string;
  listingTitle: string;
  conversationId: string;
  /** The other party of the exchange, as the recipient sees them. */
  otherPartyId: string;
  otherPartyName: string;
}

/** `message_received`. */
export interface MessageNotificationData {
  conversationId: string;
  messageId: string;
  listingId: string;
  listingTitle: string;
  /** The exchange the conversation belongs to; null for a question about a listing. */
  exchangeId: string | null;
  authorId: string;
  authorName: string;
}

/** `alert_match`: a new listing fits one of the recipient's saved searches. */
export interface AlertMatchData {
  alertId: string;
  listingId: string;
  listingTitle: string;
  listingKind: ListingKind;
  category: ListingCategory;
  ownerName: string;
  /** Distance bucket label from the alert's centre (`< 500 m`…), never the distance itself. */
  distance: string;
}

/** `report_resolved`: to a reporter. `listingId` only for a listing that stays visible. */
export interface ReportResolvedData {
  caseId: string;
  targetType: string;
  outcome: 'upheld' | 'dismissed';
  /** The listing's title, or the member's display name; empty for a message. */
  targetLabel: string;
  listingId?: string;
}

/** `moderation_notice`: to the author of a reported target. */
export interface ModerationNoticeData {
  caseId: string;
  targetType: string;
  notice: 'hidden' | 'restored' | 'warned' | 'suspended';
  /** The reasons reporters gave (`spam`, `fraud`…), and the moderator's note if any. */
  reasons: string[];
  note: string | null;
  targetLabel: string;
  listingId?: string;
}

/** `wanted_match`: a neighbour asks for something the recipient has. */
export interface WantedMatchData {
  listingId: string;
  listingTitle: string;
  category: ListingCategory;
  wantedById: string;
  wantedByName: string;
  /** The recipient's own listing that matched. */
  matchedListingId: string;
  matchedListingTitle: string;
  /** Distance bucket label between the two public points. */
  distance: string;
}

/** `review_reminder`: the recipient has not reviewed a completed exchange yet. */
export interface ReviewReminderData {
  exchangeId: string;
  listingTitle: string;
  otherPartyId: string;
  otherPartyName: string;
}

/** `review_revealed`: a review about the recipient became visible on their profile. */
export interface ReviewRevealedData {
  exchangeId: string;
  reviewId: string;
  /** The recipient (the review's subject): their profile is where the review shows. */
  subjectId: string;
  listingTitle: string;
  /** Null when the author's account was erased. */
  authorName: string | null;
  rating: number;
}

/** `waitlist_available`: an item the recipient waited for is back (returned). */
export interface WaitlistAvailableData {
  listingId: string;
  listingTitle: string;
  /** Who lends it: the library's name, or the resident's display name. */
  ownerName: string;
}
/** `town_alert`: an alert post of the recipient's town hall. */
export interface TownAlertData {
  postId: string;
  postTitle: string;
  /** The start of the alert's text, on one line. */
  excerpt: string;
  municipalitySlug: string;
  municipalityName: string;
  /** Read-receipt tokens of this member's in-app and e-mail deliveries (reach figures). */
  receipt: string;
  emailReceipt: string;
}
