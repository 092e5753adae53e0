import type { ExchangeKind, ExchangeStatus } from '../exchanges/exchange';

/**
 * How the score is computed (a Bayesian average, DESIGN.md §3: it must not overrate newcomers):
 *
 *   bayes = (PRIOR_WEIGHT × prior + Σ ratings) / (PRIOR_WEIGHT + n)
 *   score = min(bayes, mean of the member's own ratings), rounded to one decimal
 *
 * - `PRIOR_WEIGHT` = 5: a member's own ratings outweigh the prior once they have more than five.
 * - `prior` is the town-wide mean of revealed ratings once the town has at least
 *   `PRIOR_MIN_TOWN_RATINGS` (20) of them, else `DEFAULT_PRIOR` (3.5, the middle of "fine" and
 *   "good"); in both cases it is capped at `PRIOR_CAP` (4.0), so a town where everyone gives
 *   5 stars does not hand newcomers a 4.9 for free.
 * - The `min` with the member's own mean means the prior can only pull a score *down*: a
 *   newcomer with one 1-star review scores 1, not "almost the town average". Good ratings are
 *   shrunk toward the prior until there are enough of them; bad ones count in full at once.
 */
export const REPUTATION = {
  PRIOR_WEIGHT: 5,
  DEFAULT_PRIOR: 3.5,
  PRIOR_CAP: 4,
  PRIOR_MIN_TOWN_RATINGS: 20,
} as const;

/** One revealed, visible rating about the member (1–5). */
export interface RatingFact {
  rating: number;
}

/** One exchange the member was a party of, as reputation reads it. */
export interface ExchangeFact {
  kind: ExchangeKind;
  status: ExchangeStatus;
  /** Whether the member was the requester (the borrower of a loan). */
  asRequester: boolean;
  /** Loans: whether the item came back after the agreed end. */
  returnedLate: boolean;
}

/** Town-wide revealed ratings: the prior's input. */
export interface TownRatings {
  count: number;
  sum: number;
}

export interface Reputation {
  completed: Record<ExchangeKind, number> & { total: number };
  ratingCount: number;
  /** 1–5 with one decimal; null without any revealed rating. */
  score: number | null;
  /** Loans the member borrowed and brought back on time / late. */
  onTimeReturns: number;
  lateReturns: number;
  /** Hand-overs the member missed (the owner recorded a no-show of the borrower). */
  noShows: number;
}

/** The prior of a town, from its revealed ratings (see `REPUTATION`). */
export function townPrior(town: TownRatings): number {
  const mean =
    town.count >= REPUTATION.PRIOR_MIN_TOWN_RATINGS && town.count > 0
      ? town.sum / town.count
      : REPUTATION.DEFAULT_PRIOR;
  return Math.min(mean, REPUTATION.PRIOR_CAP);
}

/** The score of a member from their revealed ratings and the town's prior; null when none. */
export function reputationScore(ratings: readonly RatingFact[], prior: number): number | null {
  const n = ratings.length;
  if (n === 0) return null;
  const sum = ratings.reduce((s, r) => s + r.rating, 0);
  const bayes = (REPUTATION.PRIOR_WEIGHT * prior + sum) / (REPUTATION.PRIOR_WEIGHT + n);
  return Math.round(Math.min(bayes, sum / n) * 10) / 10;
}

/**
 * A member's reputation: completed exchanges by kind, the score (see `REPUTATION`) over the
 * revealed, non-hidden ratings about them, and reliability from the facts the exchanges record:
 * a loan they borrowed that was returned (`returned` or `completed`) counts as on time or late
 * (`returnedLate`); a `no_show` of a loan or hand-over they asked for counts as a no-show.
 */
export function computeReputation(
  ratings: readonly RatingFact[],
  exchanges: readonly ExchangeFact[],
  town: TownRatings,
): Reputation {
  const completed = { loan: 0, gift: 0, swap: 0, answer: 0, total: 0 };
  let onTimeReturns = 0;
  let lateReturns = 0;
  let noShows = 0;
  for (const e of exchanges) {
    if (e.status === 'completed') {
      completed[e.kind]++;
      completed.total++;
    }
    if (
      e.kind === 'loan' &&
      e.asRequester &&
      (e.status === 'returned' || e.status === 'completed')
    ) {
      if (e.returnedLate) lateReturns++;
      else onTimeReturns++;
    }
    if (e.status === 'no_show' && e.asRequester) noShows++;
  }
  return {
    completed,
    ratingCount: ratings.length,
    score: reputationScore(ratings, townPrior(town)),
    onTimeReturns,
    lateReturns,
    noShows,
  };
}
