import { DomainError } from '../shared/domain-error';
import type { ExchangeActor, ExchangeKind, ExchangeStatus } from './exchange';
import { type Period, assertLoanPeriod } from './booking-policy';

export interface RescheduleContext {
  kind: ExchangeKind;
  status: ExchangeStatus;
  period: Period;
  maxDays: number;
  now: Date;
}

/**
 * New dates for an agreed loan (`POST /exchanges/:id/reschedule`): only a loan, only once
 * accepted and before the hand-over, by either party; the dates follow the booking rules (not
 * in the past, at most 180 days ahead, at most the listing's maximum length). Whether they
 * overlap another agreed loan is the database's to say when the other party accepts.
 */
export function assertCanReschedule(ctx: RescheduleContext): Period {
  if (ctx.kind !== 'loan' || ctx.status !== 'accepted') {
    throw new DomainError(
      'INVALID_TRANSITION',
      'Only an accepted loan, before the hand-over, can move to new dates',
    );
  }
  return assertLoanPeriod(ctx.period, ctx.maxDays, ctx.now);
}

/**
 * Accepting a proposal (`POST /exchanges/:id/reschedule/accept`): there must be one, on a loan
 * still accepted, and the one accepting is the other party.
 */
export function assertCanAcceptReschedule(ctx: {
  kind: ExchangeKind;
  status: ExchangeStatus;
  proposedBy: Exclude<ExchangeActor, 'system'> | null;
  actor: Exclude<ExchangeActor, 'system'>;
}): void {
  if (ctx.kind !== 'loan' || ctx.status !== 'accepted' || ctx.proposedBy === null) {
    throw new DomainError('INVALID_TRANSITION', 'No new dates are waiting for an answer');
  }
  if (ctx.proposedBy === ctx.actor) {
    throw new DomainError('INVALID_TRANSITION', 'The other party accepts the new dates');
  }
}
