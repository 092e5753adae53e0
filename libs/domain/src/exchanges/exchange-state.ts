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

/**
 * The steps a party takes through `POST /exchanges/:id/<action>` (the system's `expire` and
 * `overdue` are left out), in the order a person would most likely take them.
 */
export const PARTY_ACTIONS = [
  'accept',
  'handover',
  'return',
  'complete',
  'decline',
  'no_show',
  'cancel',
] as const satisfies readonly ExchangeAction[];
export type PartyAction = (typeof PARTY_ACTIONS)[number];

export function isPartyAction(value: string): value is PartyAction {
  return (PARTY_ACTIONS as readonly string[]).includes(value);
}

/** What a step needs to know of time, beyond the status: the loan's start (null: no dates). */
export interface StepTiming {
  start: Date | null;
  now: Date;
}

/**
 * Steps that depend on time as well as on the status, or an `INVALID_TRANSITION`: a no-show is
 * recorded only once a loan has started (until then the borrower may still come).
 */
export function assertStepInTime(
  kind: ExchangeKind,
  status: ExchangeStatus,
  action: ExchangeAction,
  { start, now }: StepTiming,
): void {
  if (action === 'no_show' && kind === 'loan' && start && now.getTime() < start.getTime()) {
    throw new DomainError(
      'INVALID_TRANSITION',
      'A no-show can only be recorded once the loan has started',
      { status, action },
    );
  }
}

/** The steps `actor` can take now (status, party and time), in the order of `PARTY_ACTIONS`. */
export function availableActions(
  kind: ExchangeKind,
  status: ExchangeStatus,
  actor: ExchangeActor,
  timing: StepTiming,
): ExchangeAction[] {
  return PARTY_ACTIONS.filter((action) => {
    try {
      nextExchangeState(kind, status, action, actor);
      assertStepInTime(kind, status, action, timing);
      return true;
    } catch {
      return false;
    }
  });
}

/** The steps of the happy path, in order; a kind skips those it does not allow (`return`). */
const HAPPY_ACTIONS: readonly ExchangeAction[] = ['accept', 'handover', 'return', 'complete'];

/**
 * The statuses an exchange of `kind` passes through when all goes well, read off the state
 * machine: `requested → accepted → handed_over → returned → completed` for a loan, the same
 * without `returned` for the other kinds.
 */
export function happyPath(kind: ExchangeKind): ExchangeStatus[] {
  const path: ExchangeStatus[] = ['requested'];
  for (const action of HAPPY_ACTIONS) {
    const from = path[path.length - 1]!;
    try {
      path.push(nextExchangeState(kind, from, action, TRANSITIONS[action].by[0]!));
    } catch {
      // Not a step of this kind (a gift is never returned).
    }
  }
  return path;
}

/**
 * The last status of the happy path an exchange now in `status` certainly went through: the
 * status itself when it lies on the path, otherwise the earliest status of the path from which
 * the state machine leads to it (a cancelled exchange may never have been accepted; a no-show
 * was; an overdue loan was handed over).
 */
export function lastHappyStatus(kind: ExchangeKind, status: ExchangeStatus): ExchangeStatus {
  const path = happyPath(kind);
  if (path.includes(status)) return status;
  const into = Object.values(TRANSITIONS).filter(
    (t) => t.to === status && (t.kinds ?? ALL_KINDS).includes(kind),
  );
  const from = path.filter((s) => into.some((t) => t.from.includes(s)));
  return from[0] ?? path[0]!;
}
