import type { ExchangeKind } from '../exchanges/exchange';
import { LISTING_CATEGORIES, type ListingCategory } from '../listings/listing';

/**
 * What one completed exchange is estimated to save, per listing category (DESIGN.md §4.1
 * "Initiatives, impact, open data"). Figures are orders of magnitude for a typical object of the
 * category, not measurements: every factor says where it comes from and that it is an estimate.
 *
 * Method (docs/decisions/0018):
 * - a **gift** gives an object a second life: its mass is kept out of the waste stream, and it
 *   replaces the purchase of a new one in {@link REUSE_SUBSTITUTION_RATE} of cases (its
 *   manufacturing footprint avoided that often); the receiver saves its second-hand value;
 * - a **swap** is two gifts (two objects change hands);
 * - a **loan** saves the borrower the price of hiring the object, and one loan in
 *   1 / {@link LOAN_AVOIDED_PURCHASE_SHARE} avoids buying one (mass and footprint that often);
 * - an **answer** to a wanted post is counted as a loan (whether it was lent or given is not
 *   recorded; the loan is the lower figure).
 */

/** Share of loans that avoid the purchase of a new object (estimate). */
export const LOAN_AVOIDED_PURCHASE_SHARE = 0.1;
/** Share of given objects that replace the purchase of a new one (estimate). */
export const REUSE_SUBSTITUTION_RATE = 0.6;

/** The sources cited by the factors. */
export const IMPACT_SOURCES = {
  ademe2018:
    "ADEME, « Modélisation et évaluation du poids carbone de produits de consommation et biens d'équipements », 2018 (Lhotellier, Lees, Bossanne, Pesnel)",
  impactCo2: 'ADEME, Impact CO2 (impactco2.fr) and Base Empreinte (base-empreinte.ademe.fr)',
  prices: 'Typical French hire-shop and second-hand prices, 2025 (Partagora estimate)',
} as const;

export interface CategoryBaseFactor {
  category: ListingCategory;
  /** Mass of a typical object, kilograms. */
  itemKg: number;
  /** Manufacturing footprint of a new typical object, kg CO2e (cradle to shop). */
  itemCo2eKg: number;
  /** What hiring it once costs, euros (saved by a loan). */
  hireEur: number;
  /** Its second-hand value, euros (saved by a gift). */
  secondHandEur: number;
  /** Every factor here is an estimate for a typical object; the flag is for the reader. */
  estimate: true;
  /** Where the figures come from, and which object they stand for. */
  source: string;
}

const f = (
  category: ListingCategory,
  itemKg: number,
  itemCo2eKg: number,
  hireEur: number,
  secondHandEur: number,
  typical: string,
  footprintSource: string,
): CategoryBaseFactor => ({
  category,
  itemKg,
  itemCo2eKg,
  hireEur,
  secondHandEur,
  estimate: true,
  source: `Typical object: ${typical}. Footprint: ${footprintSource}. Prices: ${IMPACT_SOURCES.prices}.`,
});

/** One factor per listing category (a test checks every category has one). */
export const CATEGORY_FACTORS: Record<ListingCategory, CategoryBaseFactor> = {
  tools: f(
    'tools',
    2.5,
    25,
    15,
    20,
    'a corded drill or sander',
    `${IMPACT_SOURCES.impactCo2}, small electrical equipment`,
  ),
  garden: f(
    'garden',
    15,
    80,
    25,
    30,
    'an electric lawnmower or hedge trimmer',
    `${IMPACT_SOURCES.impactCo2}, electrical equipment per kg`,
  ),
  kitchen: f(
    'kitchen',
    4,
    30,
    10,
    15,
    'a food processor or raclette set',
    `${IMPACT_SOURCES.ademe2018}, small household appliances`,
  ),
  household: f(
    'household',
    5,
    45,
    12,
    20,
    'a vacuum cleaner or carpet washer',
    `${IMPACT_SOURCES.ademe2018}, vacuum cleaner`,
  ),
  kids: f(
    'kids',
    5,
    25,
    8,
    15,
    'a pushchair, car seat or box of toys',
    `${IMPACT_SOURCES.impactCo2}, plastics and textiles per kg`,
  ),
  'books-media': f(
    'books-media',
    0.5,
    1.5,
    4,
    3,
    'a book or board game',
    `${IMPACT_SOURCES.impactCo2}, paper book`,
  ),
  'sports-leisure': f(
    'sports-leisure',
    4,
    40,
    12,
    25,
    'a tent, skis or a racket',
    `${IMPACT_SOURCES.ademe2018}, sports equipment`,
  ),
  electronics: f(
    'electronics',
    2,
    120,
    15,
    60,
    'a laptop, projector or speaker (a television is 350 kg CO2e)',
    `${IMPACT_SOURCES.ademe2018}, electronic equipment`,
  ),
  furniture: f(
    'furniture',
    15,
    60,
    10,
    40,
    'a wooden table, chair or shelf',
    `${IMPACT_SOURCES.ademe2018}, furniture`,
  ),
  clothing: f(
    'clothing',
    0.6,
    15,
    10,
    8,
    'a garment (a 50 kg wardrobe is about 1.3 t CO2e; a pair of jeans about 20 kg)',
    `${IMPACT_SOURCES.ademe2018}, clothing`,
  ),
  mobility: f(
    'mobility',
    15,
    100,
    15,
    80,
    'a bicycle, trailer or child seat',
    `${IMPACT_SOURCES.impactCo2}, conventional bicycle`,
  ),
  party: f(
    'party',
    6,
    30,
    20,
    15,
    'a folding table, gazebo or sound system',
    `${IMPACT_SOURCES.impactCo2}, mixed materials per kg`,
  ),
  other: f(
    'other',
    3,
    20,
    8,
    10,
    'an everyday object of mixed materials',
    `${IMPACT_SOURCES.impactCo2}, mixed materials per kg`,
  ),
};

/** What one exchange is estimated to save. */
export interface ImpactFigures {
  moneySavedEur: number;
  wasteAvoidedKg: number;
  co2eAvoidedKg: number;
}

/** A category's factor as the impact endpoint publishes it: per loan and per gift. */
export interface ImpactFactor extends CategoryBaseFactor {
  moneySavedPerLoanEur: number;
  moneySavedPerGiftEur: number;
  wasteKgPerLoan: number;
  wasteKgPerGift: number;
  co2eKgPerLoan: number;
  co2eKgPerGift: number;
}

const round = (v: number, digits: number) => {
  const k = 10 ** digits;
  return Math.round(v * k) / k;
};

/**
 * The estimated savings of one completed exchange of `kind` about a listing of `category`
 * (euros, kilograms of waste, kilograms of CO2e). Pure; see the method above.
 */
export function impactOf(category: ListingCategory, kind: ExchangeKind): ImpactFigures {
  const base = CATEGORY_FACTORS[category] ?? CATEGORY_FACTORS.other;
  switch (kind) {
    case 'gift':
      return {
        moneySavedEur: base.secondHandEur,
        wasteAvoidedKg: base.itemKg,
        co2eAvoidedKg: base.itemCo2eKg * REUSE_SUBSTITUTION_RATE,
      };
    case 'swap': {
      const gift = impactOf(category, 'gift');
      return {
        moneySavedEur: gift.moneySavedEur * 2,
        wasteAvoidedKg: gift.wasteAvoidedKg * 2,
        co2eAvoidedKg: gift.co2eAvoidedKg * 2,
      };
    }
    case 'loan':
    case 'answer':
      return {
        moneySavedEur: base.hireEur,
        wasteAvoidedKg: base.itemKg * LOAN_AVOIDED_PURCHASE_SHARE,
        co2eAvoidedKg: base.itemCo2eKg * LOAN_AVOIDED_PURCHASE_SHARE,
      };
  }
}

/** Every category's factor, per loan and per gift, rounded for display (1 decimal). */
export function impactFactors(): ImpactFactor[] {
  return LISTING_CATEGORIES.map((category) => {
    const loan = impactOf(category, 'loan');
    const gift = impactOf(category, 'gift');
    return {
      ...CATEGORY_FACTORS[category],
      moneySavedPerLoanEur: round(loan.moneySavedEur, 1),
      moneySavedPerGiftEur: round(gift.moneySavedEur, 1),
      wasteKgPerLoan: round(loan.wasteAvoidedKg, 1),
      wasteKgPerGift: round(gift.wasteAvoidedKg, 1),
      co2eKgPerLoan: round(loan.co2eAvoidedKg, 1),
      co2eKgPerGift: round(gift.co2eAvoidedKg, 1),
    };
  });
}

/** Completed exchanges of one kind and category (what the repository counts). */
export interface ExchangeCount {
  category: string;
  kind: ExchangeKind;
  count: number;
}

/**
 * Totals over counted exchanges: euros rounded to the euro, kilograms to one decimal. A category
 * the product no longer knows counts as `other`.
 */
export function sumImpact(counts: readonly ExchangeCount[]): ImpactFigures {
  let money = 0;
  let waste = 0;
  let co2 = 0;
  for (const c of counts) {
    const category = (LISTING_CATEGORIES as readonly string[]).includes(c.category)
      ? (c.category as ListingCategory)
      : 'other';
    const one = impactOf(category, c.kind);
    money += one.moneySavedEur * c.count;
    waste += one.wasteAvoidedKg * c.count;
    co2 += one.co2eAvoidedKg * c.count;
  }
  return {
    moneySavedEur: Math.round(money),
    wasteAvoidedKg: round(waste, 1),
    co2eAvoidedKg: round(co2, 1),
  };
}
