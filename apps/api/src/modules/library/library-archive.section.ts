import { Injectable } from '@nestjs/common';
import {
  type ArchiveFile,
  type ArchiveTown,
  TownArchiveRegistry,
  TownArchiveSection,
  archiveCsv,
  archiveJson,
} from '../../common/town-archive/town-archive.registry';
import { LibraryArchiveRepository } from './library-archive.repository';

/**
 * The town archive's `library/`: the items the town's organisations lend or give, their history
 * (each exchange's dates, status and the condition noted at check-out and check-in, as text) and
 * the libraries' opening hours. No borrower is named or identified, no message is kept.
 */
@Injectable()
export class LibraryArchiveSection extends TownArchiveSection {
  readonly name = 'library';

  constructor(
    registry: TownArchiveRegistry,
    private readonly repo: LibraryArchiveRepository,
  ) {
    super(registry);
  }

  async files(town: ArchiveTown): Promise<ArchiveFile[]> {
    const [items, loans, hours] = await Promise.all([
      this.repo.items(town.id),
      this.repo.loans(town.id),
      this.repo.hours(town.id),
    ]);
    return [
      archiveJson('library-items.json', items),
      archiveCsv(
        'library-items.csv',
        [
          'id',
          'kind',
          'category',
          'title',
          'description',
          'condition',
          'status',
          'organisation_id',
          'organisation_name',
          'loan_max_days',
          'loan_buffer_hours',
          'auto_accept',
          'deposit_note',
          'created_at',
          'updated_at',
        ],
        items.map((i) => [
          i.id,
          i.kind,
          i.category,
          i.title,
          i.description,
          i.condition,
          i.status,
          i.organisation.id,
          i.organisation.name,
          i.loanMaxDays,
          i.loanBufferHours,
          i.autoAccept,
          i.depositNote,
          i.createdAt,
          i.updatedAt,
        ]),
      ),
      archiveJson('library-loans.json', loans),
      archiveCsv(
        'library-loans.csv',
        [
          'id',
          'item_id',
          'kind',
          'status',
          'start',
          'end',
          'accepted_at',
          'handed_over_at',
          'returned_at',
          'completed_at',
          'returned_late',
          'created_at',
          'checkout_note',
          'checkin_note',
        ],
        loans.map((l) => [
          l.id,
          l.listingId,
          l.kind,
          l.status,
          l.start,
          l.end,
          l.acceptedAt,
          l.handedOverAt,
          l.returnedAt,
          l.completedAt,
          l.returnedLate,
          l.createdAt,
          l.checkoutNote,
          l.checkinNote,
        ]),
      ),
      archiveJson('library-hours.json', hours),
    ];
  }
}
