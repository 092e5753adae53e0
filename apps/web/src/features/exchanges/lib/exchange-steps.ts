import type { TFunction } from 'i18next';
import type { ExchangeKind, ExchangeStatus, ExchangeView } from '@partagora/domain';
import { formatDateTime } from '../../../lib/dates';
import type { ExchangeRole } from '../api/exchanges.api';

/** The happy path of each kind: loans come back, the others complete after the hand-over. */
export type StepKey = 'requested' | 'accepted' | 'handed_over' | 'returned' | 'completed';

export function happyPath(kind: ExchangeKind): StepKey[] {
  return kind === 'loan'
    ? ['requested', 'accepted', 'handed_over', 'returned', 'completed']
    : ['requested', 'accepted', 'handed_over', 'completed'];
}

export type StepState = 'done' | 'current' | 'upcoming' | 'skipped';

export interface TimelineStep {
  key: StepKey | 'overdue' | 'declined' | 'cancelled' | 'expired' | 'no_show';
  state: StepState;
}

/** How far along the happy path each status is (index of the last step reached). */
const REACHED: Record<ExchangeStatus, number> = {
  requested: 0,
  accepted: 1,
  handed_over: 2,
  overdue: 2,
  returned: 3,
  completed: 99,
  declined: 0,
  expired: 0,
  cancelled: 0,
  no_show: 1,
};

const ENDED_EARLY: readonly ExchangeStatus[] = ['declined', 'expired', 'cancelled', 'no_show'];

/**
 * The steps of an exchange for its timeline: those passed, the current one, those to come; an
 * exchange that ended early ends with that outcome and its remaining steps are marked skipped.
 */
export function timelineSteps(kind: ExchangeKind, status: ExchangeStatus): TimelineStep[] {
  const path = happyPath(kind);
  const reached = Math.min(REACHED[status], path.length - 1);
  if (ENDED_EARLY.includes(status)) {
    const steps: TimelineStep[] = path
      .slice(0, reached + 1)
      .map((key) => ({ key, state: 'done' as const }));
    steps.push({ key: status, state: 'current' });
    return steps;
  }
  const steps: TimelineStep[] = path.map((key, i) => ({
    key,
    state: i < reached ? 'done' : i === reached ? 'current' : 'upcoming',
  }));
  if (status === 'completed') return steps.map((s) => ({ ...s, state: 'done' }));
  if (status === 'overdue') {
    const at = steps.findIndex((s) => s.key === 'handed_over');
    steps[at] = { key: 'handed_over', state: 'done' };
    steps.splice(at + 1, 0, { key: 'overdue', state: 'current' });
  }
  return steps;
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
