import {
  EXCHANGE_ACTIONS,
  EXCHANGE_KINDS,
  EXCHANGE_STATUSES,
  type ExchangeKind,
  type ExchangeStatus,
} from './exchange';
import { type ExchangeEffects, exchangeEffects } from './exchange-effects';
import { nextExchangeState } from './exchange-state';

const NONE: ExchangeEffects = { listing: null, offeredListing: null, declineOthers: false };

/**
 * Every step that touches a listing, written out by hand as the product describes it
 * (`offersListing` undefined: either way). Any other legal step touches nothing.
 */
const EFFECTS: Array<
  [ExchangeKind[], ExchangeStatus, ExchangeStatus, boolean | undefined, ExchangeEffects]
> = [
  [
    ['gift', 'swap', 'answer'],
    'requested',
    'accepted',
    undefined,
    { ...NONE, listing: { set: 'reserved', onlyIf: ['available'] }, declineOthers: true },
  ],
  [['gift'], 'accepted', 'handed_over', undefined, { ...NONE, listing: { set: 'given' } }],
  [['gift'], 'handed_over', 'completed', undefined, { ...NONE, listing: { set: 'given' } }],
  [['swap'], 'handed_over', 'completed', false, { ...NONE, listing: { set: 'swapped' } }],
  [
    ['swap'],
    'handed_over',
    'completed',
    true,
    { ...NONE, listing: { set: 'swapped' }, offeredListing: { set: 'swapped' } },
  ],
  [['answer'], 'handed_over', 'completed', undefined, { ...NONE, listing: { set: 'fulfilled' } }],
  [
    ['gift', 'swap', 'answer'],
    'accepted',
    'cancelled',
    undefined,
    { ...NONE, listing: { set: 'available', onlyIf: ['reserved'] } },
  ],
  [
    ['gift', 'swap', 'answer'],
    'accepted',
    'no_show',
    undefined,
    { ...NONE, listing: { set: 'available', onlyIf: ['reserved'] } },
  ],
];

function expected(kind: ExchangeKind, from: ExchangeStatus, to: ExchangeStatus, offers: boolean) {
  const row = EFFECTS.find(
    ([kinds, f, t, o]) =>
      kinds.includes(kind) && f === from && t === to && (o === undefined || o === offers),
  );
  return row ? row[4] : NONE;
}

/** Every legal step of the state machine (by whoever may take it), once per kind. */
const STEPS = EXCHANGE_KINDS.flatMap((kind) =>
  EXCHANGE_STATUSES.flatMap((from) =>
    EXCHANGE_ACTIONS.flatMap((action) => {
      for (const actor of ['owner', 'requester', 'system'] as const) {
        try {
          return [[kind, from, action, nextExchangeState(kind, from, action, actor)] as const];
        } catch {
          // not this actor
        }
      }
      return [];
    }),
  ),
);

describe(exchangeEffects.name, () => {
  it.each(STEPS.flatMap((s) => [[...s, false] as const, [...s, true] as const]))(
    'should apply to a %s going %s --%s--> %s (offers a listing: %s) exactly the product table',
    (kind, from, _action, to, offersListing) => {
      expect(exchangeEffects({ kind, from, to, offersListing })).toEqual(
        expected(kind, from, to, offersListing),
      );
    },
  );

  it('should describe legal steps only', () => {
    for (const [kinds, from, to] of EFFECTS) {
      for (const kind of kinds) {
        expect(STEPS.some(([k, f, , t]) => k === kind && f === from && t === to)).toBe(true);
      }
    }
  });

  it.each(EXCHANGE_STATUSES.flatMap((from) => EXCHANGE_STATUSES.map((to) => [from, to] as const)))(
    'should never touch the listing of a loan going %s → %s',
    (from, to) => {
      expect(exchangeEffects({ kind: 'loan', from, to, offersListing: false })).toEqual(NONE);
    },
  );

  it('should make the listing available again only when a cancelled exchange had been accepted', () => {
    expect(
      exchangeEffects({ kind: 'gift', from: 'requested', to: 'cancelled', offersListing: false }),
    ).toEqual(NONE);
  });
});
