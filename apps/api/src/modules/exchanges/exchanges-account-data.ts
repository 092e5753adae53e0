import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EXCHANGE_KINDS, type ExchangeKind, type ExchangeStatus } from '@partagora/domain';
import { DataSource } from 'typeorm';
import {
  AccountDataRegistry,
  type ErasureContext,
  type ErasureStep,
  type ExportContributor,
} from '../../common/account-data/account-data.registry';
import { ExchangesService } from './exchanges.service';

interface ExportRow {
  id: string;
  kind: ExchangeKind;
  status: ExchangeStatus;
  listing_id: string;
  listing_title: string;
  owner_id: string;
  requester_id: string;
  other_id: string;
  other_name: string;
  start: Date | null;
  end: Date | null;
  conversation_id: string;
  offered_listing_id: string | null;
  offered_item: string | null;
  returned_late: boolean;
  accepted_at: Date | null;
  handed_over_at: Date | null;
  returned_at: Date | null;
  completed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The exchanges module's part of "leaving with your data": the member's exchanges (the other
 * party by id and name only, no meeting point: a place may be the other party's), the
 * reliability figures it can attest, and at erasure: open requests and agreements are cancelled
 * (through the state machine, in the erasure's transaction: listings are freed, and the other
 * party's notification, written after the commit, names a former member), then the words they
 * wrote in an offer are wiped. Exchanges stay as the other party's history.
 */
@Injectable()
export class ExchangesAccountData implements ExportContributor, ErasureStep, OnModuleInit {
  readonly name = 'exchanges';
  /** First: cancelling goes through the listings and reads names the later steps wipe. */
  readonly order = 50;

  constructor(
    private readonly ds: DataSource,
    private readonly exchanges: ExchangesService,
    private readonly registry: AccountDataRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.addExportContributor(this);
    this.registry.addErasureStep(this);
  }

  async exportSections(userId: string) {
    const rows = await this.ds.query<ExportRow[]>(
      `SELECT e.id, e.kind, e.status, e.listing_id, l.title AS listing_title, e.owner_id, e.requester_id,
              o.id AS other_id, o.display_name AS other_name,
              lower(e.period) AS start, upper(e.period) AS "end", e.conversation_id,
              e.offered_listing_id, e.offered_item, e.returned_late, e.accepted_at, e.handed_over_at,
              e.returned_at, e.completed_at, e.created_at, e.updated_at
         FROM exchanges e
         JOIN listings l ON l.id = e.listing_id
         JOIN users o ON o.id = CASE WHEN e.owner_id = $1 THEN e.requester_id ELSE e.owner_id END
        WHERE e.owner_id = $1 OR e.requester_id = $1
        ORDER BY e.created_at, e.id`,
      [userId],
    );
    const exchanges = rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      role: r.owner_id === userId ? 'owner' : 'requester',
      listing: { id: r.listing_id, title: r.listing_title },
      ownerId: r.owner_id,
      requesterId: r.requester_id,
      counterpart: { id: r.other_id, displayName: r.other_name },
      start: iso(r.start),
      end: iso(r.end),
      conversationId: r.conversation_id,
      offeredListingId: r.offered_listing_id,
      offeredItem: r.offered_item,
      returnedLate: r.returned_late,
      acceptedAt: iso(r.accepted_at),
      handedOverAt: iso(r.handed_over_at),
      returnedAt: iso(r.returned_at),
      completedAt: iso(r.completed_at),
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    }));
    return { exchanges };
  }

  /**
   * Completed exchanges by kind (either side), and as a borrower: returns on time and late, and
   * the no-shows the owners recorded.
   */
  async reputation(userId: string): Promise<Record<string, unknown>> {
    const [byKind, reliability] = await Promise.all([
      this.ds.query<Array<{ kind: ExchangeKind; n: number }>>(
        `SELECT kind, count(*)::int AS n FROM exchanges
          WHERE status = 'completed' AND (owner_id = $1 OR requester_id = $1) GROUP BY kind`,
        [userId],
      ),
      this.ds.query<Array<{ on_time: number; late: number; no_shows: number }>>(
        `SELECT count(*) FILTER (WHERE kind = 'loan' AND returned_at IS NOT NULL AND NOT returned_late)::int AS on_time,
                count(*) FILTER (WHERE kind = 'loan' AND returned_at IS NOT NULL AND returned_late)::int AS late,
                count(*) FILTER (WHERE status = 'no_show')::int AS no_shows
           FROM exchanges WHERE requester_id = $1`,
        [userId],
      ),
    ]);
    const completed = Object.fromEntries(EXCHANGE_KINDS.map((k) => [k, 0])) as Record<
      ExchangeKind | 'total',
      number
    >;
    completed.total = 0;
    for (const r of byKind) {
      completed[r.kind] = r.n;
      completed.total += r.n;
    }
    const rel = reliability[0];
    return {
      completed,
      onTimeReturns: rel?.on_time ?? 0,
      lateReturns: rel?.late ?? 0,
      noShows: rel?.no_shows ?? 0,
    };
  }

  async erase({ manager, userId }: ErasureContext): Promise<void> {
    await this.exchanges.cancelOpenOfLeavingMember(manager, userId);
    await manager.query(
      `UPDATE exchanges SET offered_item = NULL WHERE requester_id = $1 AND offered_item IS NOT NULL`,
      [userId],
    );
  }
}
