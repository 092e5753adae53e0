import { DomainError } from '../shared/domain-error';
import type { ExchangeStatus } from '../exchanges/exchange';

const DAY_MS = 86_400_000;

/** Reviews of an exchange are revealed at the latest this long after its completion (14 days). */
export const REVIEW_REVEAL_DELAY_MS = 14 * DAY_MS;
/** A party who has not reviewed yet is reminded this long after completion (3 days). */
export const REVIEW_REMINDER_DELAY_MS = 3 * DAY_MS;
/** Review timers are scheduled this far ahead; a later sweep schedules the rest (48 h). */
export const REVIEW_TIMER_HORIZON_MS = 48 * 3_600_000;
/** Longest comment, in characters. */
export const REVIEW_COMMENT_MAX = 1000;

/**
 * Who may review: a party of a completed exchange. A non-party learns nothing (the exchange is
 * "not found" for them); a party before completion gets `EXCHANGE_NOT_COMPLETED`.
 */
export function assertCanReview(
  exchange: { status: ExchangeStatus; ownerId: string; requesterId: string } | null,
  authorId: string,
): { subjectId: string } {
  if (!exchange || (exchange.ownerId !== authorId && exchange.requesterId !== authorId)) {
    throw new DomainError('EXCHANGE_NOT_FOUND', 'No such exchange');
  }
  if (exchange.status !== 'completed') {
    throw new DomainError(
      'EXCHANGE_NOT_COMPLETED',
      'A review can be left once the exchange is completed',
    );
  }
  return { subjectId: exchange.ownerId === authorId ? exchange.requesterId : exchange.ownerId };
}

/** What the reveal rule reads about one exchange. */
export interface RevealSubject {
  /** When the exchange was completed; null if it never was (nothing is ever revealed then). */
  completedAt: Date | null;
  /** How many of its two parties have reviewed (0, 1 or 2). */
  reviewsIn: number;
}

/** When the reviews of an exchange become visible at the latest: completion + 14 days. */
export function revealDeadline(completedAt: Date): Date {
  return new Date(completedAt.getTime() + REVIEW_REVEAL_DELAY_MS);
}

/**
 * Whether the reviews of an exchange are visible at `now` (double-blind, no retaliation): when
 * both parties have reviewed, or once 14 days have passed since completion (the deadline itself
 * included), whichever comes first. Before that nobody, the subject included, sees a review.
 */
export function reviewsRevealed(e: RevealSubject, now: Date): boolean {
  if (!e.completedAt || e.reviewsIn <= 0) return false;
  if (e.reviewsIn >= 2) return true;
  return now.getTime() >= revealDeadline(e.completedAt).getTime();
}

export const REVIEW_TIMER_TYPES = ['remind', 'reveal'] as const;
export type ReviewTimerType = (typeof REVIEW_TIMER_TYPES)[number];

export interface ReviewTimerSubject {
  completedAt: Date;
  /** Parties who have reviewed. */
  authorIds: readonly string[];
  /** Whether the exchange's reviews are already revealed. */
  revealed: boolean;
}

export interface DueReviewTimer {
  type: ReviewTimerType;
  dueAt: Date;
}

/**
 * The timers a completed exchange still needs: the "leave a review" reminder while a party has
 * not reviewed (3 days after completion), and the reveal at the deadline while a lone review
 * waits (14 days). Past-due ones included (a reveal never lapses; see `reviewTimersToSchedule`).
 */
export function reviewTimersFor(e: ReviewTimerSubject): DueReviewTimer[] {
  const out: DueReviewTimer[] = [];
  if (e.authorIds.length < 2) {
    out.push({
      type: 'remind',
      dueAt: new Date(e.completedAt.getTime() + REVIEW_REMINDER_DELAY_MS),
    });
  }
  if (e.authorIds.length === 1 && !e.revealed) {
    out.push({ type: 'reveal', dueAt: revealDeadline(e.completedAt) });
  }
  return out;
}

/**
 * The timers a sweep at `now` makes sure exist: due within the horizon. A reveal already due
 * runs at once (a fact must not stay hidden); a reminder whose moment passed by more than a day
 * is not sent late (it would arrive when the exchange is long forgotten, or after the reveal).
 */
export function reviewTimersToSchedule(e: ReviewTimerSubject, now: Date): DueReviewTimer[] {
  const t = now.getTime();
  return reviewTimersFor(e).filter(
    (r) =>
      r.dueAt.getTime() <= t + REVIEW_TIMER_HORIZON_MS &&
      (r.type === 'reveal' || r.dueAt.getTime() > t - DAY_MS),
  );
}

/**
 * Who a fired reminder speaks to: the parties who have not reviewed, and nobody once the
 * reviews are out (both in, or the deadline passed).
 */
export function reviewReminderRecipients(
  parties: readonly string[],
  e: ReviewTimerSubject,
  now: Date,
): string[] {
  if (e.revealed || now.getTime() >= revealDeadline(e.completedAt).getTime()) return [];
  return parties.filter((p) => !e.authorIds.includes(p));
}
