import { LISTING_CATEGORIES } from '../listings/listing';
import {
  CATEGORY_FACTORS,
  LOAN_AVOIDED_PURCHASE_SHARE,
  REUSE_SUBSTITUTION_RATE,
  impactFactors,
  impactOf,
  sumImpact,
} from './impact-factors';
import { impactPeriod, monthsOf } from './impact.schema';

describe('impactOf', () => {
  it('should have a sourced factor for every listing category', () => {
    for (const category of LISTING_CATEGORIES) {
      const f = CATEGORY_FACTORS[category];
      expect(f.category).toBe(category);
      expect(f.source.length).toBeGreaterThan(20);
      expect(f.estimate).toBe(true);
      for (const v of [f.itemKg, f.itemCo2eKg, f.hireEur, f.secondHandEur]) {
        expect(v).toBeGreaterThan(0);
      }
    }
  });

  it.each([
    ['tools', 'loan', { moneySavedEur: 15, wasteAvoidedKg: 0.25, co2eAvoidedKg: 2.5 }],
    ['tools', 'gift', { moneySavedEur: 20, wasteAvoidedKg: 2.5, co2eAvoidedKg: 15 }],
    ['tools', 'swap', { moneySavedEur: 40, wasteAvoidedKg: 5, co2eAvoidedKg: 30 }],
    ['tools', 'answer', { moneySavedEur: 15, wasteAvoidedKg: 0.25, co2eAvoidedKg: 2.5 }],
    ['clothing', 'gift', { moneySavedEur: 8, wasteAvoidedKg: 0.6, co2eAvoidedKg: 9 }],
    ['electronics', 'loan', { moneySavedEur: 15, wasteAvoidedKg: 0.2, co2eAvoidedKg: 12 }],
  ] as const)('should estimate a %s %s', (category, kind, expected) => {
    const got = impactOf(category, kind);
    expect(got.moneySavedEur).toBeCloseTo(expected.moneySavedEur, 6);
    expect(got.wasteAvoidedKg).toBeCloseTo(expected.wasteAvoidedKg, 6);
    expect(got.co2eAvoidedKg).toBeCloseTo(expected.co2eAvoidedKg, 6);
  });

  it('should follow the published shares', () => {
    const base = CATEGORY_FACTORS.furniture;
    expect(impactOf('furniture', 'loan').co2eAvoidedKg).toBeCloseTo(
      base.itemCo2eKg * LOAN_AVOIDED_PURCHASE_SHARE,
    );
    expect(impactOf('furniture', 'gift').co2eAvoidedKg).toBeCloseTo(
      base.itemCo2eKg * REUSE_SUBSTITUTION_RATE,
    );
  });

  it('should publish per-loan and per-gift figures for every category', () => {
    const factors = impactFactors();
    expect(factors.map((f) => f.category)).toEqual([...LISTING_CATEGORIES]);
    const tools = factors.find((f) => f.category === 'tools')!;
    expect(tools).toMatchObject({
      moneySavedPerLoanEur: 15,
      co2eKgPerGift: 15,
      wasteKgPerLoan: 0.3,
    });
  });
});

describe('sumImpact', () => {
  it('should add counted exchanges and round', () => {
    expect(
      sumImpact([
        { category: 'tools', kind: 'loan', count: 4 },
        { category: 'clothing', kind: 'gift', count: 3 },
      ]),
    ).toEqual({ moneySavedEur: 84, wasteAvoidedKg: 2.8, co2eAvoidedKg: 37 });
  });

  it('should count an unknown category as other, and nothing as zero', () => {
    expect(sumImpact([{ category: 'spaceships', kind: 'gift', count: 1 }])).toEqual(
      sumImpact([{ category: 'other', kind: 'gift', count: 1 }]),
    );
    expect(sumImpact([])).toEqual({ moneySavedEur: 0, wasteAvoidedKg: 0, co2eAvoidedKg: 0 });
  });
});

describe('impactPeriod', () => {
  const now = new Date('2026-12-02T10:00:00Z');
  it('should default to the twelve months up to now', () => {
    expect(impactPeriod({}, now)).toEqual({ from: new Date('2025-12-02T00:00:00Z'), to: now });
  });
  it('should refuse an empty or reversed period, and a huge one', () => {
    expect(() => impactPeriod({ from: now, to: now }, now)).toThrow('before');
    expect(() => impactPeriod({ from: new Date('1990-01-01'), to: now }, now)).toThrow('years');
  });
});

describe('monthsOf', () => {
  it('should list every month the period touches', () => {
    expect(monthsOf(new Date('2025-11-15T00:00:00Z'), new Date('2026-02-01T00:00:00Z'))).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
    ]);
    expect(monthsOf(new Date('2026-03-01T00:00:00Z'), new Date('2026-03-02T00:00:00Z'))).toEqual([
      '2026-03',
    ]);
  });
});
