import { Injectable } from '@nestjs/common';
import type { ConditionStage, LibraryHours, OpeningSlot, StoredPhoto } from '@partagora/domain';
import type { LatLng } from '@partagora/geo';
import { DataSource, type EntityManager } from 'typeorm';

export interface OrganisationRef {
  id: string;
  municipalityId: string;
  municipality: string;
  kind: 'town_hall' | 'shop' | 'association';
  name: string;
  status: 'pending' | 'verified';
  address: string;
  location: LatLng;
}

export interface DeskRow {
  exchange_id: string;
  listing_id: string;
  listing_title: string;
  status: string;
  start: Date;
  end: Date;
  borrower_id: string;
  borrower_name: string;
  assisted: boolean;
  deposit_note: string | null;
}

export interface ConditionRow {
  exchange_id: string;
  stage: ConditionStage;
  note: string;
  photo: StoredPhoto | null;
  created_at: Date;
  recorded_by: string | null;
  recorder_name: string | null;
}

export interface CatalogueRow {
  id: string;
  busy_until: Date | null;
  waitlist_size: number;
  joined: boolean;
}

const ORG_COLUMNS = `o.id, o.municipality_id, m.slug AS municipality, o.kind, o.name, o.status, o.address,
  ST_Y(o.location::geometry) AS lat, ST_X(o.location::geometry) AS lng`;

type OrgRow = {
  id: string;
  municipality_id: string;
  municipality: string;
  kind: OrganisationRef['kind'];
  name: string;
  status: OrganisationRef['status'];
  address: string;
  lat: number;
  lng: number;
};

const toOrg = (r: OrgRow): OrganisationRef => ({
  id: r.id,
  municipalityId: r.municipality_id,
  municipality: r.municipality,
  kind: r.kind,
  name: r.name,
  status: r.status,
  address: r.address,
  location: { lat: Number(r.lat), lng: Number(r.lng) },
});

/**
 * All SQL of the tool library: its hours, the desk's day, conditions, waiting lists. It reads
 * organisations, listings and exchanges (owned by their modules) and writes only its own tables.
 */
@Injectable()
export class LibraryRepository {
  constructor(private readonly ds: DataSource) {}

  async organisation(id: string, manager: EntityManager = this.ds.manager) {
    const rows = await manager.query<OrgRow[]>(
      `SELECT ${ORG_COLUMNS} FROM organisations o JOIN municipalities m ON m.id = o.municipality_id WHERE o.id = $1`,
      [id],
    );
    return rows[0] ? toOrg(rows[0]) : null;
  }

  /** The town's organisations that lend (library settings or at least one item). */
  async librariesOf(municipalityId: string): Promise<OrganisationRef[]> {
    const rows = await this.ds.query<OrgRow[]>(
      `SELECT ${ORG_COLUMNS} FROM organisations o JOIN municipalities m ON m.id = o.municipality_id
        WHERE o.municipality_id = $1 AND o.status = 'verified'
          AND (EXISTS (SELECT 1 FROM library_settings s WHERE s.organisation_id = o.id)
               OR EXISTS (SELECT 1 FROM listings l WHERE l.owner_organisation_id = o.id AND l.status = 'available'))
        ORDER BY o.kind = 'town_hall' DESC, o.name`,
      [municipalityId],
    );
    return rows.map(toOrg);
  }

  async isOrganisationAdmin(organisationId: string, userId: string): Promise<boolean> {
    const rows = await this.ds.query<unknown[]>(
      `SELECT 1 FROM organisation_members WHERE organisation_id = $1 AND user_id = $2 AND role = 'admin'`,
      [organisationId, userId],
    );
    return rows.length > 0;
  }

  async hours(
    organisationId: string,
    manager: EntityManager = this.ds.manager,
  ): Promise<LibraryHours | null> {
    const rows = await manager.query<Array<{ slots: OpeningSlot[]; closures: string[] }>>(
      `SELECT slots, closures FROM library_settings WHERE organisation_id = $1`,
      [organisationId],
    );
    return rows[0] ? { slots: rows[0].slots, closures: rows[0].closures } : null;
  }

  async saveHours(organisationId: string, hours: LibraryHours): Promise<void> {
    await this.ds.query(
      `INSERT INTO library_settings (organisation_id, slots, closures) VALUES ($1, $2, $3)
       ON CONFLICT (organisation_id) DO UPDATE SET slots = EXCLUDED.slots, closures = EXCLUDED.closures, updated_at = now()`,
      [organisationId, JSON.stringify(hours.slots), JSON.stringify(hours.closures)],
    );
  }

  async itemCount(organisationId: string): Promise<number> {
    const rows = await this.ds.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM listings WHERE owner_organisation_id = $1 AND status = 'available'`,
      [organisationId],
    );
    return rows[0]?.n ?? 0;
  }

  /** The organisation lending the listing (null: a resident's, or no such listing). */
  async organisationOfListing(
    listingId: string,
    manager: EntityManager = this.ds.manager,
  ): Promise<string | null> {
    const rows = await manager.query<Array<{ org: string | null }>>(
      `SELECT owner_organisation_id AS org FROM listings WHERE id = $1`,
      [listingId],
    );
    return rows[0]?.org ?? null;
  }

  async organisationOfExchange(
    exchangeId: string,
    manager: EntityManager = this.ds.manager,
  ): Promise<string | null> {
    const rows = await manager.query<Array<{ org: string | null }>>(
      `SELECT l.owner_organisation_id AS org FROM exchanges e JOIN listings l ON l.id = e.listing_id WHERE e.id = $1`,
      [exchangeId],
    );
    return rows[0]?.org ?? null;
  }

  /**
   * The catalogue: the organisation's available items, by title then id, after `after`; whether
   * each is out at `now` (and until when, buffer included), and its waiting list.
   */
  async catalogue(
    organisationId: string,
    viewerId: string,
    now: Date,
    limit: number,
    after?: { id: string },
  ): Promise<CatalogueRow[]> {
    const params: unknown[] = [organisationId, viewerId, now, limit];
    let where = '';
    if (after) {
      params.push(after.id);
      where = ` AND l.id > $5::uuid`;
    }
    return this.ds.query<CatalogueRow[]>(
      `SELECT l.id,
              (SELECT max(upper(e.held)) FROM exchanges e
                WHERE e.listing_id = l.id AND e.kind = 'loan' AND e.status IN ('accepted', 'handed_over', 'overdue')
                  AND (e.held @> $3::timestamptz OR e.status = 'overdue')) AS busy_until,
              (SELECT count(*)::int FROM listing_waitlist w WHERE w.listing_id = l.id) AS waitlist_size,
              EXISTS (SELECT 1 FROM listing_waitlist w WHERE w.listing_id = l.id AND w.user_id = $2) AS joined
         FROM listings l
        WHERE l.owner_organisation_id = $1 AND l.status = 'available'${where}
        ORDER BY l.id LIMIT $4`,
      params,
    );
  }

  /** Loans of the organisation's items meeting the day `[from, to)`, or overdue. */
  async deskLoans(organisationId: string, from: Date, to: Date): Promise<DeskRow[]> {
    return this.ds.query<DeskRow[]>(
      `SELECT e.id AS exchange_id, e.listing_id, l.title AS listing_title, e.status,
              lower(e.period) AS start, upper(e.period) AS "end",
              e.requester_id AS borrower_id, r.display_name AS borrower_name,
              EXISTS (SELECT 1 FROM assisted_residents a WHERE a.user_id = e.requester_id) AS assisted,
              l.deposit_note
         FROM exchanges e JOIN listings l ON l.id = e.listing_id JOIN users r ON r.id = e.requester_id
        WHERE l.owner_organisation_id = $1 AND e.kind = 'loan'
          AND e.status IN ('accepted', 'handed_over', 'overdue', 'returned', 'completed')
          AND ((lower(e.period) >= $2 AND lower(e.period) < $3)
               OR (upper(e.period) >= $2 AND upper(e.period) < $3)
               OR e.status = 'overdue'
               OR (e.status = 'handed_over' AND upper(e.period) < $2))
        ORDER BY lower(e.period), e.id`,
      [organisationId, from, to],
    );
  }

  async conditions(exchangeIds: string[]): Promise<ConditionRow[]> {
    if (exchangeIds.length === 0) return [];
    return this.ds.query<ConditionRow[]>(
      `SELECT c.exchange_id, c.stage, c.note, c.photo, c.created_at, c.recorded_by, u.display_name AS recorder_name
         FROM exchange_conditions c LEFT JOIN users u ON u.id = c.recorded_by
        WHERE c.exchange_id = ANY($1::uuid[]) ORDER BY c.created_at`,
      [exchangeIds],
    );
  }

  async addCondition(
    manager: EntityManager,
    c: {
      exchangeId: string;
      stage: ConditionStage;
      note: string;
      photo: StoredPhoto | null;
      by: string;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO exchange_conditions (exchange_id, stage, note, photo, recorded_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (exchange_id, stage) DO UPDATE SET note = EXCLUDED.note, photo = COALESCE(EXCLUDED.photo, exchange_conditions.photo),
         recorded_by = EXCLUDED.recorded_by`,
      [c.exchangeId, c.stage, c.note, c.photo ? JSON.stringify(c.photo) : null, c.by],
    );
  }

  /** Joins the waiting list (once); returns the member's position and the list's size. */
  async joinWaitlist(
    listingId: string,
    userId: string,
  ): Promise<{ position: number; size: number }> {
    await this.ds.query(
      `INSERT INTO listing_waitlist (listing_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [listingId, userId],
    );
    const rows = await this.ds.query<Array<{ position: number; size: number }>>(
      `SELECT (SELECT count(*)::int FROM listing_waitlist w WHERE w.listing_id = $1
                 AND (w.created_at, w.user_id) <= (me.created_at, me.user_id)) AS position,
              (SELECT count(*)::int FROM listing_waitlist w WHERE w.listing_id = $1) AS size
         FROM listing_waitlist me WHERE me.listing_id = $1 AND me.user_id = $2`,
      [listingId, userId],
    );
    return rows[0] ?? { position: 0, size: 0 };
  }

  async leaveWaitlist(listingId: string, userId: string): Promise<void> {
    await this.ds.query(`DELETE FROM listing_waitlist WHERE listing_id = $1 AND user_id = $2`, [
      listingId,
      userId,
    ]);
  }

  /** Takes the whole waiting list off (they are being told), in the caller's transaction. */
  async drainWaitlist(manager: EntityManager, listingId: string): Promise<string[]> {
    const [rows] = await manager.query<[Array<{ user_id: string }>, number]>(
      `DELETE FROM listing_waitlist WHERE listing_id = $1 RETURNING user_id`,
      [listingId],
    );
    return rows.map((r) => r.user_id);
  }

  async listingLabel(
    manager: EntityManager,
    listingId: string,
  ): Promise<{ title: string; ownerName: string } | null> {
    const rows = await manager.query<Array<{ title: string; owner_name: string }>>(
      `SELECT l.title, COALESCE(o.name, u.display_name) AS owner_name
         FROM listings l JOIN users u ON u.id = l.owner_id LEFT JOIN organisations o ON o.id = l.owner_organisation_id
        WHERE l.id = $1`,
      [listingId],
    );
    return rows[0] ? { title: rows[0].title, ownerName: rows[0].owner_name } : null;
  }
}
