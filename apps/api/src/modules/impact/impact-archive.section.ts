import { Injectable } from '@nestjs/common';
import {
  type ArchiveFile,
  type ArchiveTown,
  TownArchiveRegistry,
  TownArchiveSection,
  archiveCsv,
  archiveJson,
} from '../../common/town-archive/town-archive.registry';
import { ImpactService } from './impact.service';

/** The town archive's `impact/`: all-time figures, the monthly series and the factors used. */
@Injectable()
export class ImpactArchiveSection extends TownArchiveSection {
  readonly name = 'impact';

  constructor(
    registry: TownArchiveRegistry,
    private readonly impact: ImpactService,
  ) {
    super(registry);
  }

  async files(town: ArchiveTown): Promise<ArchiveFile[]> {
    const figures = await this.impact.allTime(town);
    return [
      archiveJson('impact.json', figures),
      archiveCsv(
        'monthly.csv',
        ['month', 'loan', 'gift', 'swap', 'answer', 'total'],
        figures.monthly.map((m) => [m.month, m.loan, m.gift, m.swap, m.answer, m.total]),
      ),
      archiveCsv(
        'factors.csv',
        [
          'category',
          'money_saved_per_loan_eur',
          'money_saved_per_gift_eur',
          'waste_kg_per_loan',
          'waste_kg_per_gift',
          'co2e_kg_per_loan',
          'co2e_kg_per_gift',
          'estimate',
          'source',
        ],
        figures.factors.map((f) => [
          f.category,
          f.moneySavedPerLoanEur,
          f.moneySavedPerGiftEur,
          f.wasteKgPerLoan,
          f.wasteKgPerGift,
          f.co2eKgPerLoan,
          f.co2eKgPerGift,
          f.estimate,
          f.source,
        ]),
      ),
    ];
  }
}
