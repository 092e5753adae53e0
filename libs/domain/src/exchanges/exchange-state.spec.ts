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
import {
  PARTY_ACTIONS,
  TRANSITIONS,
  assertStepInTime,
  availableActions,
  happyPath,
  isPartyAction,
  lastHappyStatus,
  nextExchangeState,
} from './exchange-state';

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

const START = new Date('2026-05-10T09:00:00Z');
const BEFORE_START = { start: START, now: new Date('2026-05-10T08:59:59Z') };
const STARTED = { start: START, now: START };
const UNDATED = { start: null, now: START };

describe(assertStepInTime.name, () => {
  it.each([
    [
      'a no-show of a loan that has not started',
      'loan',
      'no_show',
      BEFORE_START,
      'INVALID_TRANSITION',
    ],
    ['a no-show of a loan at its start', 'loan', 'no_show', STARTED, null],
    [
      'a no-show of a loan after its start',
      'loan',
      'no_show',
      { start: START, now: new Date('2026-05-11T00:00:00Z') },
      null,
    ],
    ['a no-show of a gift (no dates)', 'gift', 'no_show', UNDATED, null],
    ['a no-show of a swap, whatever the time', 'swap', 'no_show', BEFORE_START, null],
    ['a hand-over before the loan starts', 'loan', 'handover', BEFORE_START, null],
    ['a cancellation before the loan starts', 'loan', 'cancel', BEFORE_START, null],
  ] as const)('should settle %s', (_name, kind, action, timing, code) => {
    expect(codeOf(() => assertStepInTime(kind, 'accepted', action, timing))).toBe(code);
  });
});

describe(availableActions.name, () => {
  it.each([
    ['loan', 'requested', 'owner', STARTED, ['accept', 'decline', 'cancel']],
    ['loan', 'requested', 'requester', STARTED, ['cancel']],
    ['loan', 'accepted', 'requester', STARTED, ['handover', 'cancel']],
    ['loan', 'accepted', 'owner', STARTED, ['handover', 'no_show', 'cancel']],
    ['loan', 'accepted', 'owner', BEFORE_START, ['handover', 'cancel']],
    ['gift', 'accepted', 'owner', UNDATED, ['handover', 'no_show', 'cancel']],
    ['loan', 'handed_over', 'owner', STARTED, ['return']],
    ['loan', 'returned', 'requester', STARTED, ['complete']],
    ['gift', 'handed_over', 'requester', UNDATED, ['complete']],
    ['swap', 'completed', 'owner', UNDATED, []],
    ['loan', 'handed_over', 'system', STARTED, []],
  ] as const)('should offer a %s %s to the %s (%o): %j', (kind, status, actor, timing, want) => {
    expect(availableActions(kind, status, actor, timing)).toEqual(want);
  });

  it.each(
    EXCHANGE_KINDS.flatMap((kind) =>
      EXCHANGE_STATUSES.flatMap((status) =>
        (['owner', 'requester'] as const).map((actor) => [kind, status, actor] as const),
      ),
    ),
  )('should offer a %s %s to the %s exactly the steps the machine takes', (kind, status, actor) => {
    const can = (action: ExchangeAction) =>
      codeOf(() => {
        nextExchangeState(kind, status, action, actor);
        assertStepInTime(kind, status, action, STARTED);
      }) === null;
    expect(availableActions(kind, status, actor, STARTED)).toEqual(PARTY_ACTIONS.filter(can));
  });
});

describe('PARTY_ACTIONS', () => {
  it('should list exactly the steps a party can take, each once', () => {
    const byParty = EXCHANGE_ACTIONS.filter((a) =>
      TRANSITIONS[a].by.some((actor) => actor !== 'system'),
    );
    expect([...PARTY_ACTIONS].sort()).toEqual([...byParty].sort());
    expect(new Set(PARTY_ACTIONS).size).toBe(PARTY_ACTIONS.length);
  });

  it.each([
    ['accept', true],
    ['no_show', true],
    ['expire', false],
    ['overdue', false],
    ['no-show', false],
  ] as const)('should tell whether %s is a party step: %s', (value, want) => {
    expect(isPartyAction(value)).toBe(want);
  });
});

describe(happyPath.name, () => {
  it.each([
    ['loan', ['requested', 'accepted', 'handed_over', 'returned', 'completed']],
    ['gift', ['requested', 'accepted', 'handed_over', 'completed']],
    ['swap', ['requested', 'accepted', 'handed_over', 'completed']],
    ['answer', ['requested', 'accepted', 'handed_over', 'completed']],
  ] as const)('should lead a %s through %j', (kind, want) => {
    expect(happyPath(kind)).toEqual(want);
  });
});

describe(lastHappyStatus.name, () => {
  it.each([
    ['loan', 'requested', 'requested'],
    ['loan', 'returned', 'returned'],
    ['loan', 'completed', 'completed'],
    ['loan', 'declined', 'requested'],
    ['loan', 'expired', 'requested'],
    ['loan', 'cancelled', 'requested'],
    ['loan', 'no_show', 'accepted'],
    ['loan', 'overdue', 'handed_over'],
    ['gift', 'handed_over', 'handed_over'],
    ['gift', 'cancelled', 'requested'],
    ['swap', 'no_show', 'accepted'],
    ['answer', 'declined', 'requested'],
  ] as const)('should place a %s that is %s after %s', (kind, status, want) => {
    expect(lastHappyStatus(kind, status)).toBe(want);
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
