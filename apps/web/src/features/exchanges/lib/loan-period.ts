import {
  heldSpan,
  LOAN_BOOKING_HORIZON_DAYS,
  LOAN_START_GRACE_MS,
  type Period,
} from '@partagora/domain';
import { DAY_MS } from '../../../lib/dates';

/** A span the item is already promised for (loan period plus the owner's buffer). */
export interface BusySpan {
  start: Date;
  end: Date;
}

export type LoanPeriodProblem =
  | { field: 'start'; code: 'past' | 'tooFar' }
  | { field: 'end'; code: 'endBeforeStart' }
  | { field: 'end'; code: 'tooLong'; maxDays: number }
  | { field: 'end'; code: 'overlap'; span: BusySpan };

export function parseBusy(busy: readonly { start: string; end: string }[]): BusySpan[] {
  return busy
    .map((b) => ({ start: new Date(b.start), end: new Date(b.end) }))
    .filter((b) => !Number.isNaN(b.start.getTime()) && !Number.isNaN(b.end.getTime()));
}

/** Half-open spans `[start, end)`, as PostgreSQL's `tstzrange` compares them. */
function overlaps(a: BusySpan, b: BusySpan): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/**
 * What is wrong with a loan period before it is sent, by the same rules the API applies
 * (`assertCanRequestLoan` and the exclusion constraint on held spans): not in the past, not too
 * far ahead, at most `maxDays` long, and the period plus the owner's buffer clear of every busy
 * span. `null` when the period looks bookable (the server still has the last word).
 */
export function checkLoanPeriod(
  period: Period,
  rules: { maxDays: number; bufferHours: number; busy: readonly BusySpan[] },
  now: Date,
): LoanPeriodProblem | null {
  const start = period.start.getTime();
  const end = period.end.getTime();
  if (start < now.getTime() - LOAN_START_GRACE_MS) return { field: 'start', code: 'past' };
  if (start > now.getTime() + LOAN_BOOKING_HORIZON_DAYS * DAY_MS)
    return { field: 'start', code: 'tooFar' };
  if (end <= start) return { field: 'end', code: 'endBeforeStart' };
  if (end - start > rules.maxDays * DAY_MS)
    return { field: 'end', code: 'tooLong', maxDays: rules.maxDays };
  const held = heldSpan(period, rules.bufferHours);
  const clash = rules.busy.find((span) => overlaps(held, span));
  if (clash) return { field: 'end', code: 'overlap', span: clash };
  return null;
}

export type DayState = 'free' | 'partial' | 'busy';

/** How much of the local day `[dayStart, dayStart + 1 day)` the busy spans cover. */
export function dayState(dayStart: Date, dayEnd: Date, busy: readonly BusySpan[]): DayState {
  const day = { start: dayStart, end: dayEnd };
  const hits = busy
    .filter((span) => overlaps(day, span))
    .map((span) => ({
      start: Math.max(span.start.getTime(), dayStart.getTime()),
      end: Math.min(span.end.getTime(), dayEnd.getTime()),
    }))
    .sort((a, b) => a.start - b.start);
  if (hits.length === 0) return 'free';
  // Walk the sorted pieces: covered when they join up from midnight to midnight.
  let reached = dayStart.getTime();
  for (const hit of hits) {
    if (hit.start > reached) return 'partial';
    reached = Math.max(reached, hit.end);
  }
  return reached >= dayEnd.getTime() ? 'busy' : 'partial';
}
