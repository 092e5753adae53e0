import { Injectable } from '@nestjs/common';
import {
  type ExchangeKind,
  type Impact,
  LOAN_AVOIDED_PURCHASE_SHARE,
  OPEN_DATA_GRID,
  OPEN_DATA_MIN_COUNT,
  REUSE_SUBSTITUTION_RATE,
  gridCellBounds,
  impactFactors,
  impactPeriod,
  monthsOf,
  sumImpact,
} from '@partagora/domain';
import { Clock } from '../../common/clock';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { type OpenDataRow, ImpactRepository } from './impact.repository';

type KindCounts = Record<ExchangeKind | 'total', number>;

const zero = (): KindCounts => ({ loan: 0, gift: 0, swap: 0, answer: 0, total: 0 });

export const METHOD_NOTE =
  'Estimates, not measurements: each completed exchange is multiplied by the factor of its listing category. ' +
  'A gift keeps an object out of the waste and replaces a new purchase in the substitution share of cases; a swap is two gifts; ' +
  'a loan saves the hire price and avoids a purchase in the loan share of cases; an answer to a wanted post counts as a loan.';

export interface TownRef {
  id: string;
  slug: string;
  name: string;
}

/** The town's impact figures (public), computed from completed exchanges. */
@Injectable()
export class ImpactService {
  constructor(
    private readonly repo: ImpactRepository,
    private readonly municipalities: MunicipalitiesService,
    private readonly clock: Clock,
  ) {}

  async forSlug(slug: string, q: { from?: Date; to?: Date }): Promise<Impact> {
    const town = await this.municipalities.town(slug);
    return this.forTown(town, impactPeriod(q, this.clock.now()));
  }

  /** Since the town joined (or its first exchange), up to now: the archive's figures. */
  async allTime(town: TownRef): Promise<Impact> {
    const from = await this.repo.townCreatedAt(town.id);
    const to = this.clock.now();
    return this.forTown(town, { from, to: to > from ? to : new Date(from.getTime() + 1) });
  }

  async forTown(town: TownRef, { from, to }: { from: Date; to: Date }): Promise<Impact> {
    const min = OPEN_DATA_MIN_COUNT;
    const [counts, items, monthlyRows, cells, neighbourhoods, people] = await Promise.all([
      this.repo.counts(town.id, from, to),
      this.repo.items(town.id, from, to),
      this.repo.monthly(town.id, from, to),
      this.repo.cells(town.id, from, to, min),
      this.repo.neighbourhoods(town.id, from, to, min),
      this.repo.members(town.id, from, to),
    ]);
    const exchanges = zero();
    for (const c of counts) {
      exchanges[c.kind] += c.count;
      exchanges.total += c.count;
    }
    const byMonth = new Map(monthsOf(from, to).map((m) => [m, zero()]));
    for (const r of monthlyRows) {
      const slot = byMonth.get(r.month) ?? zero();
      slot[r.kind] += r.count;
      slot.total += r.count;
      byMonth.set(r.month, slot);
    }
    return {
      municipality: { slug: town.slug, name: town.name },
      from: from.toISOString(),
      to: to.toISOString(),
      ...people,
      exchanges,
      itemsLent: items.lent,
      itemsGiven: items.given,
      ...sumImpact(counts),
      factors: impactFactors(),
      method: {
        loanAvoidedPurchaseShare: LOAN_AVOIDED_PURCHASE_SHARE,
        reuseSubstitutionRate: REUSE_SUBSTITUTION_RATE,
        note: METHOD_NOTE,
      },
      monthly: [...byMonth.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([month, k]) => ({ month, ...k })),
      areas: {
        minimumCount: min,
        grid: { ...OPEN_DATA_GRID },
        cells: cells.map((c) => {
          const id = `${c.row}:${c.col}`;
          return { id, exchanges: c.exchanges, bounds: gridCellBounds(id)! };
        }),
        neighbourhoods,
      },
    };
  }

  /** The open-data rows of all time (only those of at least the minimum count). */
  async openDataRows(townId: string): Promise<OpenDataRow[]> {
    const from = await this.repo.townCreatedAt(townId);
    return this.repo.openDataRows(townId, from, this.clock.now(), OPEN_DATA_MIN_COUNT);
  }
}
