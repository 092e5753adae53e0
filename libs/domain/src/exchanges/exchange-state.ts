import { DomainError } from '../shared/domain-error';
import type { ExchangeAction, ExchangeActor, ExchangeKind, ExchangeStatus } from './exchange';

interface Transition {
  from: readonly ExchangeStatus[];
  to: ExchangeStatus;
  by: readonly ExchangeActor[];
  kinds?: readonly ExchangeKind[];
}

const ALL_KINDS: readonly ExchangeKind[] = ['loan', 'gift', 'swap', 'answer'];

/**
 * The state machine of every exchange. `requested → accepted → handed_over → returned → completed`
 * for loans; gifts, swaps and answers complete straight after the hand-over.
 */
export const TRANSITIONS: Record<ExchangeAction, Transition> = {
  accept: { from: ['requested'], to: 'accepted', by: ['owner'] },
  decline: { from: ['requested'], to: 'declined', by: ['owner', 'system'] },
  cancel: { from: ['requested', 'accepted'], to: 'cancelled', by: ['requester', 'owner'] },
  handover: { from: ['accepted'], to: 'handed_over', by: ['owner', 'requester'] },
  return: { from: ['handed_over', 'overdue'], to: 'returned', by: ['owner'], kinds: ['loan'] },
  complete: { from: ['returned', 'handed_over'], to: 'completed', by: ['owner', 'requester'] },
  no_show: { from: ['accepted'], to: 'no_show', by: ['owner'] },
  expire: { from: ['requested'], to: 'expired', by: ['system'] },
  overdue: { from: ['handed_over'], to: 'overdue', by: ['system'], kinds: ['loan'] },
};

/** A loan completes only once returned; the others complete from the hand-over. */
function completesFrom(kind: ExchangeKind): ExchangeStatus {
  return kind === 'loan' ? 'returned' : 'handed_over';
}

/**
 * The status after `action`, or a `DomainError`: `FORBIDDEN` when this party may not take the step,
 * `INVALID_TRANSITION` when the exchange is not in a state that allows it.
 */
export function nextExchangeState(
  kind: ExchangeKind,
  status: ExchangeStatus,
  action: ExchangeAction,
  actor: ExchangeActor,
): ExchangeStatus {
  const t = TRANSITIONS[action];
  if (!(t.kinds ?? ALL_KINDS).includes(kind)) {
    throw new DomainError('INVALID_TRANSITION', `A ${kind} cannot be ${action}ed`, {
      status,
      action,
    });
  }
  if (!t.by.includes(actor)) {
    throw new DomainError('FORBIDDEN', `Only the ${t.by.join(' or ')} can ${action} this exchange`);
  }
  const from = action === 'complete' ? [completesFrom(kind)] : t.from;
  if (!from.includes(status)) {
    throw new DomainError('INVALID_TRANSITION', `Cannot ${action} an exchange that is ${status}`, {
      status,
      action,
    });
  }
  return t.to;
}

/** The steps `actor` can take now, in the order a person would most likely take them. */
export function availableActions(
  kind: ExchangeKind,
  status: ExchangeStatus,
  actor: ExchangeActor,
): ExchangeAction[] {
  const order: ExchangeAction[] = [
    'accept',
    'handover',
    'return',
    'complete',
    'decline',
    'no_show',
    'cancel',
  ];
  return order.filter((action) => {
    try {
      nextExchangeState(kind, status, action, actor);
      return true;
    } catch {
      return false;
    }
  });
}
