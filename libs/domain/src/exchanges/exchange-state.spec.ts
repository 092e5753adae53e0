import { DomainError } from '../shared/domain-error';
import {
  EXCHANGE_ACTIONS,
  EXCHANGE_KINDS,
  EXCHANGE_STATUSES,
  type ExchangeAction,
  type ExchangeActor,
  type ExchangeKind,
  type ExchangeStatus,
  exchangeKindFor,
  revealsExactPoint,
} from './exchange';
import { availableActions, nextExchangeState } from './exchange-state';

const codeOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not a DomainError';
  }
};

/** The allowed steps, written out by hand as the product describes them. */
const ALLOWED: Array<
  [ExchangeKind[], ExchangeStatus, ExchangeAction, ExchangeActor[], ExchangeStatus]
> = [
  [['loan', 'gift', 'swap', 'answer'], 'requested', 'accept', ['owner'], 'accepted'],
  [['loan', 'gift', 'swap', 'answer'], 'requested', 'decline', ['owner', 'system'], 'declined'],
  [['loan', 'gift', 'swap', 'answer'], 'requested', 'cancel', ['requester', 'owner'], 'cancelled'],
  [['loan', 'gift', 'swap', 'answer'], 'accepted', 'cancel', ['requester', 'owner'], 'cancelled'],
  [
    ['loan', 'gift', 'swap', 'answer'],
    'accepted',
    'handover',
    ['owner', 'requester'],
    'handed_over',
  ],
  [['loan'], 'handed_over', 'return', ['owner'], 'returned'],
  [['loan'], 'overdue', 'return', ['owner'], 'returned'],
  [['loan'], 'returned', 'complete', ['owner', 'requester'], 'completed'],
  [['gift', 'swap', 'answer'], 'handed_over', 'complete', ['owner', 'requester'], 'completed'],
  [['loan', 'gift', 'swap', 'answer'], 'accepted', 'no_show', ['owner'], 'no_show'],
  [['loan', 'gift', 'swap', 'answer'], 'requested', 'expire', ['system'], 'expired'],
  [['loan'], 'handed_over', 'overdue', ['system'], 'overdue'],
];

const ACTORS: ExchangeActor[] = ['owner', 'requester', 'system'];

function allowed(kind: ExchangeKind, status: ExchangeStatus, action: ExchangeAction) {
  return ALLOWED.find(
    ([kinds, from, a]) => kinds.includes(kind) && from === status && a === action,
  );
}

describe(nextExchangeState.name, () => {
  const cases = EXCHANGE_KINDS.flatMap((kind) =>
    EXCHANGE_STATUSES.flatMap((status) =>
      EXCHANGE_ACTIONS.flatMap((action) =>
        ACTORS.map((actor) => [kind, status, action, actor] as const),
      ),
    ),
  );

  it.each(cases)(
    'should settle %s / %s / %s by %s exactly as the product table says',
    (kind, status, action, actor) => {
      const rule = allowed(kind, status, action);
      if (rule && rule[3].includes(actor)) {
        expect(nextExchangeState(kind, status, action, actor)).toBe(rule[4]);
      } else {
        expect(['FORBIDDEN', 'INVALID_TRANSITION']).toContain(
          codeOf(() => nextExchangeState(kind, status, action, actor)),
        );
      }
    },
  );

  it.each([
    [
      'a requester accepting their own request',
      'loan',
      'requested',
      'accept',
      'requester',
      'FORBIDDEN',
    ],
    [
      'the owner of a loan returning before hand-over',
      'loan',
      'accepted',
      'return',
      'owner',
      'INVALID_TRANSITION',
    ],
    [
      'completing a loan that was never returned',
      'loan',
      'handed_over',
      'complete',
      'owner',
      'INVALID_TRANSITION',
    ],
    ['returning a gift', 'gift', 'handed_over', 'return', 'owner', 'INVALID_TRANSITION'],
    ['accepting twice', 'gift', 'accepted', 'accept', 'owner', 'INVALID_TRANSITION'],
    ['a party expiring a request', 'loan', 'requested', 'expire', 'owner', 'FORBIDDEN'],
  ] as const)('should refuse %s with %s', (_name, kind, status, action, actor, code) => {
    expect(codeOf(() => nextExchangeState(kind, status, action, actor))).toBe(code);
  });
});

describe(availableActions.name, () => {
  it.each([
    ['loan', 'requested', 'owner', ['accept', 'decline', 'cancel']],
    ['loan', 'requested', 'requester', ['cancel']],
    ['loan', 'accepted', 'requester', ['handover', 'cancel']],
    ['loan', 'handed_over', 'owner', ['return']],
    ['loan', 'returned', 'requester', ['complete']],
    ['gift', 'handed_over', 'requester', ['complete']],
    ['swap', 'completed', 'owner', []],
  ] as const)('should offer a %s %s to the %s: %j', (kind, status, actor, want) => {
    expect(availableActions(kind, status, actor)).toEqual(want);
  });
});

describe(exchangeKindFor.name, () => {
  it.each([
    ['lend', 'loan'],
    ['give', 'gift'],
    ['barter', 'swap'],
    ['wanted', 'answer'],
  ] as const)('should make a %s listing a %s exchange', (listing, kind) => {
    expect(exchangeKindFor(listing)).toBe(kind);
  });
});

describe(revealsExactPoint.name, () => {
  it.each(
    EXCHANGE_STATUSES.map((s) => [s, ['accepted', 'handed_over', 'overdue'].includes(s)] as const),
  )('should reveal the exact point while %s: %s', (status, want) => {
    expect(revealsExactPoint(status)).toBe(want);
  });
});
