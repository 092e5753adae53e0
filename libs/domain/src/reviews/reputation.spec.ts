import type { ExchangeKind, ExchangeStatus } from '../exchanges/exchange';
import {
  type ExchangeFact,
  REPUTATION,
  computeReputation,
  reputationScore,
  townPrior,
} from './reputation';

const stars = (...r: number[]) => r.map((rating) => ({ rating }));
const many = (n: number, rating: number) => stars(...Array<number>(n).fill(rating));
const NO_TOWN = { count: 0, sum: 0 };

describe(townPrior.name, () => {
  it.each<[string, { count: number; sum: number }, number]>([
    ['an empty town: the default', NO_TOWN, REPUTATION.DEFAULT_PRIOR],
    ['too few ratings: the default', { count: 19, sum: 19 * 2 }, REPUTATION.DEFAULT_PRIOR],
    ['enough ratings: their mean', { count: 20, sum: 20 * 3 }, 3],
    ['a generous town is capped', { count: 100, sum: 100 * 4.9 }, REPUTATION.PRIOR_CAP],
  ])('%s', (_c, town, want) => {
    expect(townPrior(town)).toBeCloseTo(want, 10);
  });
});

describe(reputationScore.name, () => {
  it.each<[string, { rating: number }[], number, number | null]>([
    ['no rating: null', [], 3.5, null],
    ['one 5★ newcomer is pulled toward the prior', stars(5), 3.5, 3.8],
    ['one 1★ newcomer is not pulled up', stars(1), 3.5, 1],
    ['a veteran with 50 × 5★', many(50, 5), 3.5, 4.9],
    ['ratings at the prior stay there', many(10, 4), 4, 4],
    ['a mixed record', stars(5, 4, 5, 3, 5, 4), 3.5, 4],
  ])('%s', (_c, ratings, prior, want) => {
    expect(reputationScore(ratings, prior)).toBe(want);
  });

  it('should rank a newcomer with one 5★ below a veteran with many 5★, in any town', () => {
    for (const prior of [1, 2.5, 3.5, 4]) {
      expect(reputationScore(stars(5), prior)!).toBeLessThan(reputationScore(many(30, 5), prior)!);
    }
  });

  it('should never score anyone above their own mean', () => {
    for (const ratings of [stars(5), stars(2), stars(1, 5), many(3, 4), stars(5, 5, 1)]) {
      const mean = ratings.reduce((s, r) => s + r.rating, 0) / ratings.length;
      for (const prior of [1, 3.5, 4]) {
        expect(reputationScore(ratings, prior)!).toBeLessThanOrEqual(mean + 0.05);
      }
    }
  });

  it('should grow with each further 5★ (more evidence, more trust)', () => {
    const scores = [1, 2, 5, 10, 40].map((n) => reputationScore(many(n, 5), 3.5)!);
    for (let i = 1; i < scores.length; i++) expect(scores[i]!).toBeGreaterThan(scores[i - 1]!);
  });
});

const fact = (
  kind: ExchangeKind,
  status: ExchangeStatus,
  asRequester = false,
  returnedLate = false,
): ExchangeFact => ({ kind, status, asRequester, returnedLate });

describe(computeReputation.name, () => {
  it('should give a newcomer zeros and a null score', () => {
    expect(computeReputation([], [], NO_TOWN)).toEqual({
      completed: { loan: 0, gift: 0, swap: 0, answer: 0, total: 0 },
      ratingCount: 0,
      score: null,
      onTimeReturns: 0,
      lateReturns: 0,
      noShows: 0,
    });
  });

  it.each<[string, ExchangeFact[], Partial<ReturnType<typeof computeReputation>>]>([
    [
      'counts completed exchanges by kind, whatever the role',
      [
        fact('loan', 'completed'),
        fact('loan', 'completed', true),
        fact('gift', 'completed'),
        fact('swap', 'completed', true),
        fact('answer', 'completed'),
        fact('gift', 'cancelled'),
        fact('loan', 'requested', true),
      ],
      { completed: { loan: 2, gift: 1, swap: 1, answer: 1, total: 5 } },
    ],
    [
      'counts returns of the loans they borrowed only',
      [
        fact('loan', 'completed', true, false),
        fact('loan', 'returned', true, false),
        fact('loan', 'completed', true, true),
        fact('loan', 'completed', false, true),
        fact('loan', 'handed_over', true, false),
      ],
      { onTimeReturns: 2, lateReturns: 1 },
    ],
    [
      'counts no-shows against the requester who did not come',
      [
        fact('loan', 'no_show', true),
        fact('gift', 'no_show', true),
        fact('loan', 'no_show', false),
      ],
      { noShows: 2 },
    ],
  ])('should %s', (_c, exchanges, want) => {
    expect(computeReputation([], exchanges, NO_TOWN)).toMatchObject(want);
  });

  it('should score revealed ratings against the town prior', () => {
    const town = { count: 40, sum: 40 * 3 };
    const rep = computeReputation(stars(5, 5), [], town);
    expect(rep.ratingCount).toBe(2);
    expect(rep.score).toBe(reputationScore(stars(5, 5), 3));
  });
});
