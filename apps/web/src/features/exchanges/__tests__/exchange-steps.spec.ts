import type { ExchangeKind, ExchangeStatus } from '@partagora/domain';
import { timelineSteps } from '../lib/exchange-steps';

/**
 * Every status each kind can reach and its timeline (`step:state`), as the web showed it when it
 * kept its own copy of the happy paths: read off the domain's state machine now, it must not move.
 */
const TIMELINES: Array<[ExchangeKind, ExchangeStatus, string]> = [
  [
    'loan',
    'requested',
    'requested:current accepted:upcoming handed_over:upcoming returned:upcoming completed:upcoming',
  ],
  [
    'loan',
    'accepted',
    'requested:done accepted:current handed_over:upcoming returned:upcoming completed:upcoming',
  ],
  [
    'loan',
    'handed_over',
    'requested:done accepted:done handed_over:current returned:upcoming completed:upcoming',
  ],
  [
    'loan',
    'returned',
    'requested:done accepted:done handed_over:done returned:current completed:upcoming',
  ],
  [
    'loan',
    'completed',
    'requested:done accepted:done handed_over:done returned:done completed:done',
  ],
  ['loan', 'declined', 'requested:done declined:current'],
  ['loan', 'cancelled', 'requested:done cancelled:current'],
  ['loan', 'expired', 'requested:done expired:current'],
  ['loan', 'no_show', 'requested:done accepted:done no_show:current'],
  [
    'loan',
    'overdue',
    'requested:done accepted:done handed_over:done overdue:current returned:upcoming completed:upcoming',
  ],
  [
    'gift',
    'requested',
    'requested:current accepted:upcoming handed_over:upcoming completed:upcoming',
  ],
  ['gift', 'accepted', 'requested:done accepted:current handed_over:upcoming completed:upcoming'],
  ['gift', 'handed_over', 'requested:done accepted:done handed_over:current completed:upcoming'],
  ['gift', 'completed', 'requested:done accepted:done handed_over:done completed:done'],
  ['gift', 'declined', 'requested:done declined:current'],
  ['gift', 'cancelled', 'requested:done cancelled:current'],
  ['gift', 'expired', 'requested:done expired:current'],
  ['gift', 'no_show', 'requested:done accepted:done no_show:current'],
  [
    'swap',
    'requested',
    'requested:current accepted:upcoming handed_over:upcoming completed:upcoming',
  ],
  ['swap', 'accepted', 'requested:done accepted:current handed_over:upcoming completed:upcoming'],
  ['swap', 'handed_over', 'requested:done accepted:done handed_over:current completed:upcoming'],
  ['swap', 'completed', 'requested:done accepted:done handed_over:done completed:done'],
  ['swap', 'declined', 'requested:done declined:current'],
  ['swap', 'cancelled', 'requested:done cancelled:current'],
  ['swap', 'expired', 'requested:done expired:current'],
  ['swap', 'no_show', 'requested:done accepted:done no_show:current'],
  [
    'answer',
    'requested',
    'requested:current accepted:upcoming handed_over:upcoming completed:upcoming',
  ],
  ['answer', 'accepted', 'requested:done accepted:current handed_over:upcoming completed:upcoming'],
  ['answer', 'handed_over', 'requested:done accepted:done handed_over:current completed:upcoming'],
  ['answer', 'completed', 'requested:done accepted:done handed_over:done completed:done'],
  ['answer', 'declined', 'requested:done declined:current'],
  ['answer', 'cancelled', 'requested:done cancelled:current'],
  ['answer', 'expired', 'requested:done expired:current'],
  ['answer', 'no_show', 'requested:done accepted:done no_show:current'],
];

describe(timelineSteps.name, () => {
  it.each(TIMELINES)('should show a %s that is %s as %s', (kind, status, want) => {
    expect(
      timelineSteps(kind, status)
        .map((s) => `${s.key}:${s.state}`)
        .join(' '),
    ).toBe(want);
  });
});
