import { z } from 'zod';
import { DomainError } from '../shared/domain-error';
import { fromQuery } from '../shared/schemas';

const instant = fromQuery(
  z.iso
    .datetime({ offset: true })
    .or(z.iso.date())
    .transform((v) => new Date(v)),
);

/** `GET /municipalities/:slug/impact?from&to` (ISO dates or instants; `to` excluded). */
export const impactQuerySchema = z.object({ from: instant.optional(), to: instant.optional() });

/** The longest period one request may cover. */
export const IMPACT_MAX_YEARS = 20;

/**
 * The period an impact request covers: `[from, to)`; by default the twelve months up to `now`.
 * `from` not before `to`, or a span over {@link IMPACT_MAX_YEARS} years: VALIDATION_FAILED.
 */
export function impactPeriod(q: { from?: Date; to?: Date }, now: Date): { from: Date; to: Date } {
  const to = q.to ?? now;
  const from =
    q.from ?? new Date(Date.UTC(to.getUTCFullYear() - 1, to.getUTCMonth(), to.getUTCDate()));
  if (from.getTime() >= to.getTime()) {
    throw new DomainError('VALIDATION_FAILED', '`from` must be before `to`', [
      { path: 'from', message: 'Must be before `to`' },
    ]);
  }
  if (to.getTime() - from.getTime() > IMPACT_MAX_YEARS * 366 * 86_400_000) {
    throw new DomainError('VALIDATION_FAILED', `At most ${IMPACT_MAX_YEARS} years at once`, [
      { path: 'from', message: `At most ${IMPACT_MAX_YEARS} years before \`to\`` },
    ]);
  }
  return { from, to };
}

const kinds = z.object({
  loan: z.number().int(),
  gift: z.number().int(),
  swap: z.number().int(),
  answer: z.number().int(),
  total: z.number().int(),
});

const bounds = z.object({
  south: z.number(),
  west: z.number(),
  north: z.number(),
  east: z.number(),
});

export const impactFactorSchema = z.object({
  category: z.string(),
  itemKg: z.number(),
  itemCo2eKg: z.number(),
  hireEur: z.number(),
  secondHandEur: z.number(),
  moneySavedPerLoanEur: z.number(),
  moneySavedPerGiftEur: z.number(),
  wasteKgPerLoan: z.number(),
  wasteKgPerGift: z.number(),
  co2eKgPerLoan: z.number(),
  co2eKgPerGift: z.number(),
  estimate: z.boolean(),
  source: z.string(),
});

/** `GET /municipalities/:slug/impact`. */
export const impactSchema = z.object({
  municipality: z.object({ slug: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  /** Members of the town at `to` (accounts not erased). */
  members: z.number().int(),
  /** Members party to an exchange completed in the period, or who published a listing in it. */
  activeMembers: z.number().int(),
  /** Completed exchanges in the period, by kind. */
  exchanges: kinds,
  /** Distinct listings lent (loans) and given (gifts) in the period. */
  itemsLent: z.number().int(),
  itemsGiven: z.number().int(),
  moneySavedEur: z.number(),
  wasteAvoidedKg: z.number(),
  co2eAvoidedKg: z.number(),
  factors: z.array(impactFactorSchema),
  method: z.object({
    loanAvoidedPurchaseShare: z.number(),
    reuseSubstitutionRate: z.number(),
    note: z.string(),
  }),
  /** Completed exchanges per calendar month (UTC), by kind; every month of the period. */
  monthly: z.array(kinds.extend({ month: z.string() })),
  /** Where exchanges happen, for the map: only areas with at least `minimumCount` exchanges. */
  areas: z.object({
    minimumCount: z.number().int(),
    grid: z.object({ latStepDeg: z.number(), lngStepDeg: z.number() }),
    cells: z.array(z.object({ id: z.string(), exchanges: z.number().int(), bounds })),
    neighbourhoods: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        exchanges: z.number().int(),
        /** GeoJSON MultiPolygon, `[lng, lat]`. */
        geometry: z.unknown(),
      }),
    ),
  }),
});
export type Impact = z.infer<typeof impactSchema>;

/** Every calendar month (UTC, `YYYY-MM`) that `[from, to)` touches, in order. */
export function monthsOf(from: Date, to: Date): string[] {
  const out: string[] = [];
  let y = from.getUTCFullYear();
  let m = from.getUTCMonth();
  const last = new Date(to.getTime() - 1);
  const endKey = last.getUTCFullYear() * 12 + last.getUTCMonth();
  while (y * 12 + m <= endKey) {
    out.push(`${y}-${String(m + 1).padStart(2, '0')}`);
    m++;
    if (m === 12) {
      m = 0;
      y++;
    }
  }
  return out;
}
