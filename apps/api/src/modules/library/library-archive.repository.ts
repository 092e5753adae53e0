import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface ArchivedLibraryItem {
  id: string;
  kind: string;
  category: string;
  title: string;
  description: string;
  condition: string | null;
  status: string;
  organisation: { id: string; name: string };
  loanMaxDays: number;
  loanBufferHours: number;
  autoAccept: boolean;
  depositNote: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ArchivedLoan {
  id: string;
  listingId: string;
  kind: string;
  status: string;
  start: string | null;
  end: string | null;
  acceptedAt: string | null;
  handedOverAt: string | null;
  returnedAt: string | null;
  completedAt: string | null;
  returnedLate: boolean;
  createdAt: string;
  checkoutNote: string | null;
  checkinNote: string | null;
}

export interface ArchivedLibraryHours {
  organisation: { id: string; name: string };
  slots: unknown;
  closures: unknown;
  updatedAt: string;
}

const iso = (d: unknown): string | null => (d instanceof Date ? d.toISOString() : null);

/**
 * The town's tool libraries as its archive holds them: the items its organisations own, their
 * loans WITHOUT personal data (no borrower, no owner account, no conversation, no photo of a
 * condition), and the libraries' opening hours. Read-only.
 */
@Injectable()
export class LibraryArchiveRepository {
  constructor(private readonly ds: DataSource) {}

  async items(townId: string): Promise<ArchivedLibraryItem[]> {
    const rows = await this.ds.query<Array<Record<string, unknown>>>(
      `SELECT l.id, l.kind, l.category, l.title, l.description, l.condition, l.status,
              o.id AS organisation_id, o.name AS organisation_name,
              l.loan_max_days, l.loan_buffer_hours, l.auto_accept, l.deposit_note,
              l.created_at, l.updated_at
         FROM listings l JOIN organisations o ON o.id = l.owner_organisation_id
        WHERE o.municipality_id = $1
        ORDER BY o.name, l.title, l.id`,
      [townId],
    );
    return rows.map((r) => ({
      id: r.id as string,
      kind: r.kind as string,
      category: r.category as string,
      title: r.title as string,
      description: r.description as string,
      condition: (r.condition as string | null) ?? null,
      status: r.status as string,
      organisation: { id: r.organisation_id as string, name: r.organisation_name as string },
      loanMaxDays: r.loan_max_days as number,
      loanBufferHours: r.loan_buffer_hours as number,
      autoAccept: r.auto_accept as boolean,
      depositNote: (r.deposit_note as string | null) ?? null,
      createdAt: iso(r.created_at) as string,
      updatedAt: iso(r.updated_at) as string,
    }));
  }

  async loans(townId: string): Promise<ArchivedLoan[]> {
    const rows = await this.ds.query<Array<Record<string, unknown>>>(
      `SELECT e.id, e.listing_id, e.kind, e.status,
              lower(e.period) AS start, upper(e.period) AS "end",
              e.accepted_at, e.handed_over_at, e.returned_at, e.completed_at, e.returned_late,
              e.created_at,
              (SELECT c.note FROM exchange_conditions c
                WHERE c.exchange_id = e.id AND c.stage = 'checkout') AS checkout_note,
              (SELECT c.note FROM exchange_conditions c
                WHERE c.exchange_id = e.id AND c.stage = 'checkin') AS checkin_note
         FROM exchanges e
         JOIN listings l ON l.id = e.listing_id
         JOIN organisations o ON o.id = l.owner_organisation_id
        WHERE o.municipality_id = $1
        ORDER BY e.created_at, e.id`,
      [townId],
    );
    return rows.map((r) => ({
      id: r.id as string,
      listingId: r.listing_id as string,
      kind: r.kind as string,
      status: r.status as string,
      start: iso(r.start),
      end: iso(r.end),
      acceptedAt: iso(r.accepted_at),
      handedOverAt: iso(r.handed_over_at),
      returnedAt: iso(r.returned_at),
      completedAt: iso(r.completed_at),
      returnedLate: r.returned_late as boolean,
      createdAt: iso(r.created_at) as string,
      checkoutNote: (r.checkout_note as string | null) ?? null,
      checkinNote: (r.checkin_note as string | null) ?? null,
    }));
  }

  async hours(townId: string): Promise<ArchivedLibraryHours[]> {
    const rows = await this.ds.query<Array<Record<string, unknown>>>(
      `SELECT o.id, o.name, s.slots, s.closures, s.updated_at
         FROM library_settings s JOIN organisations o ON o.id = s.organisation_id
        WHERE o.municipality_id = $1
        ORDER BY o.name, o.id`,
      [townId],
    );
    return rows.map((r) => ({
      organisation: { id: r.id as string, name: r.name as string },
      slots: r.slots,
      closures: r.closures,
      updatedAt: iso(r.updated_at) as string,
    }));
  }
}
