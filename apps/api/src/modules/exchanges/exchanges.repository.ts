import { Injectable } from '@nestjs/common';
import {
  type ExchangeKind,
  type ExchangeStatus,
  type Period,
  REMINDER_LEAD_MS,
  type ReminderSubject,
} from '@partagora/domain';
import { DataSource, type EntityManager } from 'typeorm';

export interface ExchangeRow {
  id: string;
  kind: ExchangeKind;
  status: ExchangeStatus;
  listing_id: string;
  listing_title: string;
  owner_id: string;
  owner_name: string;
  owner_organisation_id: string | null;
  owner_org_name: string | null;
  requester_id: string;
  requester_name: string;
  start: Date | null;
  end: Date | null;
  conversation_id: string;
  offered_listing_id: string | null;
  offered_item: string | null;
  reschedule_start: Date | null;
  reschedule_end: Date | null;
  reschedule_by: 'owner' | 'requester' | null;
  public_lat: number;
  public_lng: number;
  exact_lat: number;
  exact_lng: number;
  created_at: Date;
  updated_at: Date;
  /** `updated_at` to the microsecond, UTC ISO: the list cursor (a JS Date keeps milliseconds). */
  updated_key: string;
}

export interface NewExchange {
  kind: ExchangeKind;
  listingId: string;
  ownerId: string;
  requesterId: string;
  period: Period | null;
  held: Period | null;
  offeredListingId: string | null;
  offeredItem: string | null;
  conversationId: string;
}

/** `[start,end)` as a PostgreSQL range literal. */
const range = (p: Period | null) =>
  p ? `[${p.start.toISOString()},${p.end.toISOString()})` : null;

const VIEW = `SELECT e.id, e.kind, e.status, e.listing_id, l.title AS listing_title, e.owner_id, o.display_name AS owner_name,
       e.requester_id, r.display_name AS requester_name, lower(e.period) AS start, upper(e.period) AS "end",
       e.conversation_id, e.offered_listing_id, e.offered_item,
       lower(e.reschedule_period) AS reschedule_start, upper(e.reschedule_period) AS reschedule_end, e.reschedule_by,
       l.owner_organisation_id,
       (SELECT og.name FROM organisations og WHERE og.id = l.owner_organisation_id) AS owner_org_name,
       ST_Y(l.public_point::geometry) AS public_lat, ST_X(l.public_point::geometry) AS public_lng,
       ST_Y(l.exact_point::geometry) AS exact_lat, ST_X(l.exact_point::geometry) AS exact_lng,
       e.created_at, e.updated_at,
       to_char(e.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated_key
  FROM exchanges e
  JOIN listings l ON l.id = e.listing_id
  JOIN users o ON o.id = e.owner_id
  JOIN users r ON r.id = e.requester_id`;

/** All SQL of exchanges. */
/** An exchange as reviews read it. */
export interface ExchangeReviewSubject {
  id: string;
  status: ExchangeStatus;
  ownerId: string;
  requesterId: string;
  completedAt: Date | null;
}

@Injectable()
export class ExchangesRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(manager: EntityManager, e: NewExchange): Promise<string> {
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO exchanges (kind, listing_id, owner_id, requester_id, period, held, offered_listing_id, offered_item, conversation_id)
       VALUES ($1, $2, $3, $4, $5::tstzrange, $6::tstzrange, $7, $8, $9) RETURNING id`,
      [
        e.kind,
        e.listingId,
        e.ownerId,
        e.requesterId,
        range(e.period),
        range(e.held),
        e.offeredListingId,
        e.offeredItem,
        e.conversationId,
      ],
    );
    return rows[0]!.id;
  }

  /** Whether a holding loan of the listing already covers part of `held` (a friendly early 409). */
  async heldOverlaps(manager: EntityManager, listingId: string, held: Period): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM exchanges
        WHERE listing_id = $1 AND kind = 'loan' AND status IN ('accepted', 'handed_over', 'overdue')
          AND held && $2::tstzrange LIMIT 1`,
      [listingId, range(held)],
    );
    return rows.length > 0;
  }

  async findView(
    id: string,
    manager: EntityManager = this.ds.manager,
  ): Promise<ExchangeRow | null> {
    const rows = await manager.query<ExchangeRow[]>(`${VIEW} WHERE e.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /**
   * Every write on a listing's exchanges locks the listing row first, then the exchange: one lock
   * order, so concurrent steps on one listing queue up instead of deadlocking. Loans need it too:
   * concurrent acceptances of overlapping loans meet in the exclusion constraint, whose checks
   * deadlock when two transactions insert conflicting entries at once. `FOR NO KEY UPDATE` still
   * lets foreign-key checks (new requests' `FOR KEY SHARE`) through.
   */
  /**
   * What reviewing an exchange needs: its parties, status and completion. With `lock`, the row is
   * locked (FOR NO KEY UPDATE) until the caller's transaction ends, so the two parties' reviews
   * of one exchange are written one after the other and the second always sees the first.
   */
  async reviewSubject(
    manager: EntityManager,
    id: string,
    lock: boolean,
  ): Promise<ExchangeReviewSubject | null> {
    const rows = await manager.query<
      Array<{
        id: string;
        status: ExchangeStatus;
        owner_id: string;
        requester_id: string;
        completed_at: Date | null;
      }>
    >(
      `SELECT id, status, owner_id, requester_id, completed_at FROM exchanges WHERE id = $1${
        lock ? ' FOR NO KEY UPDATE' : ''
      }`,
      [id],
    );
    const r = rows[0];
    return r
      ? {
          id: r.id,
          status: r.status,
          ownerId: r.owner_id,
          requesterId: r.requester_id,
          completedAt: r.completed_at,
        }
      : null;
  }

  async lockListingOf(manager: EntityManager, exchangeId: string): Promise<void> {
    await manager.query(
      `SELECT 1 FROM listings WHERE id = (SELECT listing_id FROM exchanges WHERE id = $1) FOR NO KEY UPDATE`,
      [exchangeId],
    );
  }

  /**
   * Exchanges that may need a timer soon: open requests, agreed and handed-over loans whose
   * dates fall within `horizonMs` (later ones are scheduled by a later sweep). A superset of
   * what `remindersToSchedule` keeps: a reminder comes `REMINDER_LEAD_MS` before its date.
   */
  async reminderCandidates(
    now: Date,
    horizonMs: number,
  ): Promise<Array<ReminderSubject & { id: string }>> {
    const rows = await this.ds.query<
      Array<{
        id: string;
        kind: ExchangeKind;
        status: ExchangeStatus;
        start: Date | null;
        end: Date | null;
        created_at: Date;
      }>
    >(
      `SELECT id, kind, status, lower(period) AS start, upper(period) AS "end", created_at FROM exchanges
        WHERE (status = 'requested' AND (kind <> 'loan' OR lower(period) < $1::timestamptz + $2 * interval '1 millisecond'))
           OR (kind = 'loan' AND status = 'accepted' AND lower(period) < $1::timestamptz + $3 * interval '1 millisecond')
           OR (kind = 'loan' AND status = 'handed_over' AND upper(period) < $1::timestamptz + $3 * interval '1 millisecond')`,
      [now, horizonMs, horizonMs + REMINDER_LEAD_MS],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      start: r.start,
      end: r.end,
      createdAt: r.created_at,
    }));
  }

  async reminderSubject(id: string): Promise<ReminderSubject | null> {
    const rows = await this.ds.query<
      Array<{
        kind: ExchangeKind;
        status: ExchangeStatus;
        start: Date | null;
        end: Date | null;
        created_at: Date;
      }>
    >(
      `SELECT kind, status, lower(period) AS start, upper(period) AS "end", created_at FROM exchanges WHERE id = $1`,
      [id],
    );
    const r = rows[0];
    return r
      ? { kind: r.kind, status: r.status, start: r.start, end: r.end, createdAt: r.created_at }
      : null;
  }

  /** Locks the exchange row for a transition. */
  async lock(
    manager: EntityManager,
    id: string,
  ): Promise<{
    id: string;
    kind: ExchangeKind;
    status: ExchangeStatus;
    listingId: string;
    ownerId: string;
    requesterId: string;
    offeredListingId: string | null;
    start: Date | null;
    end: Date | null;
    reschedule: { start: Date; end: Date; by: 'owner' | 'requester' } | null;
  } | null> {
    const rows = await manager.query<
      Array<{
        id: string;
        kind: ExchangeKind;
        status: ExchangeStatus;
        listing_id: string;
        owner_id: string;
        requester_id: string;
        offered_listing_id: string | null;
        start: Date | null;
        end: Date | null;
        reschedule_start: Date | null;
        reschedule_end: Date | null;
        reschedule_by: 'owner' | 'requester' | null;
      }>
    >(
      `SELECT id, kind, status, listing_id, owner_id, requester_id, offered_listing_id, lower(period) AS start, upper(period) AS "end",
              lower(reschedule_period) AS reschedule_start, upper(reschedule_period) AS reschedule_end, reschedule_by
         FROM exchanges WHERE id = $1 FOR UPDATE`,
      [id],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      kind: r.kind,
      status: r.status,
      listingId: r.listing_id,
      ownerId: r.owner_id,
      requesterId: r.requester_id,
      offeredListingId: r.offered_listing_id,
      start: r.start,
      end: r.end,
      reschedule:
        r.reschedule_start && r.reschedule_end && r.reschedule_by
          ? { start: r.reschedule_start, end: r.reschedule_end, by: r.reschedule_by }
          : null,
    };
  }

  /** Records new dates proposed by one party (replacing an earlier proposal). */
  async proposeReschedule(
    manager: EntityManager,
    id: string,
    period: Period,
    by: 'owner' | 'requester',
  ): Promise<void> {
    await manager.query(
      `UPDATE exchanges SET reschedule_period = $2::tstzrange, reschedule_by = $3, updated_at = now() WHERE id = $1`,
      [id, range(period), by],
    );
  }

  /**
   * Moves the loan to its proposed dates: the exclusion constraint checks the new held span
   * against the listing's other agreed loans (a 23P01 the service names BOOKING_OVERLAP).
   */
  async applyReschedule(
    manager: EntityManager,
    id: string,
    period: Period,
    held: Period,
  ): Promise<void> {
    await manager.query(
      `UPDATE exchanges SET period = $2::tstzrange, held = $3::tstzrange, reschedule_period = NULL,
              reschedule_by = NULL, updated_at = now() WHERE id = $1`,
      [id, range(period), range(held)],
    );
  }

  /** Whether another holding loan of the listing meets `held` (the proposal's early 409). */
  async heldOverlapsOthers(
    manager: EntityManager,
    listingId: string,
    exchangeId: string,
    held: Period,
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM exchanges
        WHERE listing_id = $1 AND id <> $2 AND kind = 'loan' AND status IN ('accepted', 'handed_over', 'overdue')
          AND held && $3::tstzrange LIMIT 1`,
      [listingId, exchangeId, range(held)],
    );
    return rows.length > 0;
  }

  /** Sets the status and stamps the moment of the step that led to it. */
  async setStatus(
    manager: EntityManager,
    id: string,
    status: ExchangeStatus,
    extra: { returnedLate?: boolean } = {},
  ): Promise<void> {
    const stamp: Partial<Record<ExchangeStatus, string>> = {
      accepted: 'accepted_at',
      handed_over: 'handed_over_at',
      returned: 'returned_at',
      completed: 'completed_at',
    };
    const col = stamp[status];
    await manager.query(
      // Proposed new dates only make sense while the loan is agreed and not yet handed over.
      `UPDATE exchanges SET status = $2::varchar, updated_at = now(),
              reschedule_period = CASE WHEN $2::varchar = 'accepted' THEN reschedule_period END,
              reschedule_by = CASE WHEN $2::varchar = 'accepted' THEN reschedule_by END${col ? `, ${col} = now()` : ''}${
                extra.returnedLate !== undefined ? ', returned_late = $3' : ''
              } WHERE id = $1`,
      extra.returnedLate !== undefined ? [id, status, extra.returnedLate] : [id, status],
    );
  }

  /** Declines every other open request of a gift/swap/answer once one is accepted. */
  async declineOtherRequests(
    manager: EntityManager,
    listingId: string,
    acceptedId: string,
  ): Promise<Array<{ id: string; requesterId: string }>> {
    const [rows] = await manager.query<[Array<{ id: string; requester_id: string }>, number]>(
      `UPDATE exchanges SET status = 'declined', updated_at = now()
        WHERE listing_id = $1 AND id <> $2 AND status = 'requested' AND kind <> 'loan'
        RETURNING id, requester_id`,
      [listingId, acceptedId],
    );
    return rows.map((r) => ({ id: r.id, requesterId: r.requester_id }));
  }

  /** Ids of the member's open exchanges (requested or accepted), in a stable order. */
  async openOf(manager: EntityManager, userId: string): Promise<string[]> {
    const rows = await manager.query<Array<{ id: string }>>(
      `SELECT id FROM exchanges
        WHERE (owner_id = $1 OR requester_id = $1) AND status IN ('requested', 'accepted')
        ORDER BY id`,
      [userId],
    );
    return rows.map((r) => r.id);
  }

  /** My exchanges, most recently changed first (keyset on updated_at, id). */
  async listForUser(
    userId: string,
    role: 'owner' | 'requester' | undefined,
    status: ExchangeStatus | undefined,
    limit: number,
    cursor?: { updatedAt: string; id: string },
  ): Promise<ExchangeRow[]> {
    const params: unknown[] = [userId];
    const add = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    let where =
      role === 'owner'
        ? 'e.owner_id = $1'
        : role === 'requester'
          ? 'e.requester_id = $1'
          : '(e.owner_id = $1 OR e.requester_id = $1)';
    if (status) where += ` AND e.status = ${add(status)}`;
    if (cursor)
      where += ` AND (e.updated_at, e.id) < (${add(cursor.updatedAt)}::timestamptz, ${add(cursor.id)}::uuid)`;
    return this.ds.query<ExchangeRow[]>(
      `${VIEW} WHERE ${where} ORDER BY e.updated_at DESC, e.id DESC LIMIT ${add(limit)}`,
      params,
    );
  }

  /** Held spans of a listing's holding loans that meet `[from, to)`. */
  async busySpans(listingId: string, from: Date, to: Date): Promise<Period[]> {
    const rows = await this.ds.query<Array<{ start: Date; end: Date }>>(
      `SELECT lower(held) AS start, upper(held) AS "end" FROM exchanges
        WHERE listing_id = $1 AND kind = 'loan' AND status IN ('accepted', 'handed_over', 'overdue')
          AND held && tstzrange($2, $3, '[)')
        ORDER BY lower(held)`,
      [listingId, from, to],
    );
    return rows.map((r) => ({ start: r.start, end: r.end }));
  }
}
