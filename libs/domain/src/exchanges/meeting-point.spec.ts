import {
  EXCHANGE_KINDS,
  EXCHANGE_STATUSES,
  type ExchangeKind,
  type ExchangeStatus,
} from './exchange';
import { EXACT_PLACE_LEAD_HOURS, revealsExactPlace } from './meeting-point';

const HOUR = 3_600_000;
const NOW = new Date('2025-06-02T10:00:00Z');
const inHours = (h: number) => new Date(NOW.getTime() + h * HOUR);

describe(revealsExactPlace.name, () => {
  it('should open the window 48 h before a loan starts', () => {
    expect(EXACT_PLACE_LEAD_HOURS).toBe(48);
  });

  /** [status, start of the loan relative to now (hours), exact?] */
  it.each<[ExchangeStatus, number, boolean]>([
    ['requested', 1, false],
    ['requested', -1, false],
    // Accepted 5 days ahead: approximate until 48 h before the start.
    ['accepted', 5 * 24, false],
    ['accepted', 48 + 1 / 3600, false],
    ['accepted', 48, true],
    ['accepted', 47, true],
    ['accepted', 1, true],
    ['accepted', 0, true],
    ['accepted', -2, true],
    ['handed_over', 24 * 10, true],
    ['handed_over', -24, true],
    ['overdue', -24 * 10, true],
    // Withdrawn when the exchange ends, whatever the dates.
    ['returned', -24, false],
    ['completed', -24, false],
    ['cancelled', 1, false],
    ['declined', 1, false],
    ['expired', -1, false],
    ['no_show', -1, false],
  ])('should show a loan %s starting in %d h exactly: %s', (status, startsIn, exact) => {
    expect(revealsExactPlace({ kind: 'loan', status, start: inHours(startsIn) }, NOW)).toBe(exact);
  });

  it('should move from approximate to exact at the 48 h mark for one accepted loan', () => {
    const loan = { kind: 'loan' as const, status: 'accepted' as const, start: inHours(5 * 24) };
    const at = (h: number) => revealsExactPlace(loan, inHours(h));
    expect(at(0)).toBe(false);
    expect(at(3 * 24 - 1)).toBe(false);
    expect(at(3 * 24 - 1e-6)).toBe(false);
    expect(at(3 * 24)).toBe(true);
    expect(at(5 * 24)).toBe(true);
  });

  it('should keep a loan without a start approximate', () => {
    expect(revealsExactPlace({ kind: 'loan', status: 'accepted', start: null }, NOW)).toBe(false);
  });

  const others = EXCHANGE_KINDS.filter((k): k is Exclude<ExchangeKind, 'loan'> => k !== 'loan');
  it.each(
    others.flatMap((kind) =>
      EXCHANGE_STATUSES.map(
        (status) =>
          [kind, status, ['accepted', 'handed_over', 'overdue'].includes(status)] as const,
      ),
    ),
  )('should show a %s %s exactly: %s (at once once accepted, no dates)', (kind, status, exact) => {
    expect(revealsExactPlace({ kind, status, start: null }, NOW)).toBe(exact);
  });
});
