import type { TFunction } from 'i18next';
import {
  type ExchangeKind,
  type ExchangeStatus,
  type ExchangeView,
  FINAL_STATUSES,
  happyPath,
  lastHappyStatus,
} from '@partagora/domain';
import { formatDateTime } from '../../../lib/dates';
import type { ExchangeRole } from '../api/exchanges.api';

export type StepState = 'done' | 'current' | 'upcoming' | 'skipped';

export interface TimelineStep {
  key: ExchangeStatus;
  state: StepState;
}

/**
 * The steps of an exchange for its timeline, read off the domain's state machine: the happy path
 * of its kind (loans come back, the others complete after the hand-over) with those passed, the
 * current one and those to come. An exchange that ended early ends with that outcome; one that
 * left the path without ending (an overdue loan) shows it as the current step, after the last
 * step reached.
 */
export function timelineSteps(kind: ExchangeKind, status: ExchangeStatus): TimelineStep[] {
  const path = happyPath(kind);
  const reached = path.indexOf(lastHappyStatus(kind, status));
  if (path.includes(status)) {
    const finished = reached === path.length - 1;
    return path.map((key, i) => ({
      key,
      state: finished || i < reached ? 'done' : i === reached ? 'current' : 'upcoming',
    }));
  }
  const passed: TimelineStep[] = path
    .slice(0, reached + 1)
    .map((key) => ({ key, state: 'done' as const }));
  if (FINAL_STATUSES.includes(status)) return [...passed, { key: status, state: 'current' }];
  const ahead: TimelineStep[] = path
    .slice(reached + 1)
    .map((key) => ({ key, state: 'upcoming' as const }));
  return [...passed, { key: status, state: 'current' }, ...ahead];
}

export function otherPartyName(exchange: ExchangeView, role: ExchangeRole): string {
  return role === 'owner' ? exchange.requesterName : exchange.ownerName;
}

/**
 * The next step in words for the viewer ("À vous d'accepter ou de refuser", "Remise prévue le…"),
 * from the status, the viewer's role and what the API says they may do now (`nextActions`).
 */
export function nextStepText(
  t: TFunction,
  lng: string,
  exchange: ExchangeView,
  role: ExchangeRole,
): string {
  const { status, kind, nextActions } = exchange;
  const can = (action: string) => nextActions.includes(action);
  const name = otherPartyName(exchange, role);
  const start = exchange.start ? formatDateTime(lng, exchange.start) : '';
  const end = exchange.end ? formatDateTime(lng, exchange.end) : '';
  switch (status) {
    case 'requested':
      return can('accept')
        ? t('exchanges.next.decide')
        : t('exchanges.next.waitingAnswer', { name });
    case 'accepted':
      return kind === 'loan' && start
        ? t('exchanges.next.handoverOn', { date: start })
        : t('exchanges.next.arrangeHandover', { name });
    case 'handed_over':
      if (kind !== 'loan') return t('exchanges.next.completeGift');
      if (!end) return t('exchanges.next.returnPending');
      return role === 'owner'
        ? t('exchanges.next.returnExpected', { date: end })
        : t('exchanges.next.returnBy', { date: end });
    case 'overdue':
      return role === 'owner'
        ? t('exchanges.next.overdueOwner', { date: end })
        : t('exchanges.next.overdueBorrower', { date: end });
    case 'returned':
      return can('complete') ? t('exchanges.next.completeLoan') : t('exchanges.next.returned');
    case 'completed':
      return t('exchanges.next.completed');
    case 'declined':
      return t('exchanges.next.declined');
    case 'cancelled':
      return t('exchanges.next.cancelled');
    case 'expired':
      return t('exchanges.next.expired');
    case 'no_show':
      return t('exchanges.next.noShow');
  }
}
