import { Injectable } from '@nestjs/common';
import {
  type Attendee,
  EVENT_LIMITS,
  type EventPlace,
  type EventView,
  type RsvpStatus,
  toImageRef,
} from '@partagora/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { geogPoint, latLngFrom, selectLatLng } from '../../common/sql';

interface EventRow extends Record<string, unknown> {
  id: string;
  municipality_id: string;
  organisation_id: string;
  town_slug: string;
  town_name: string;
  title: string;
  description: string;
  starts_at: Date;
  ends_at: Date;
  starts_us: string;
  place_name: string;
  place_address: string;
  capacity: number | null;
  going_count: number;
  waiting_count: number;
  image_photo_id: string | null;
  cancelled_at: Date | null;
  organiser_name: string;
  my_status: RsvpStatus | null;
  my_position: number | null;
  updated_at: Date;
  created_at: Date;
}

/** An event as the service reads it; `municipalityId` for the partner mark and access checks. */
export type EventRecord = Omit<EventView, 'partner' | 'canManage' | 'icsUrl'> & {
  municipalityId: string;
  organisationId: string;
  startsUs: string;
  createdAt: Date;
  updatedAt: Date;
};

/** An event under its row lock, for the RSVP rules. */
export interface LockedEvent {
  id: string;
  municipalityId: string;
  organisationId: string;
  capacity: number | null;
  going: number;
  startsAt: Date;
  cancelledAt: Date | null;
}

export interface NewEvent {
  municipalityId: string;
  organisationId: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  place: EventPlace;
  capacity: number | null;
  createdBy: string;
}

/** Waiting position: 1 + those who answered before, under the same (created_at, user_id) order. */
const MY_POSITION = `CASE WHEN r.status = 'waiting' THEN (
    SELECT count(*)::int FROM event_rsvps w
     WHERE w.event_id = e.id AND w.status = 'waiting' AND (w.created_at, w.user_id) <= (r.created_at, r.user_id)
  ) END`;

const COLUMNS = `e.id, e.municipality_id, e.organisation_id, m.slug AS town_slug, m.name AS town_name,
  e.title, e.description, e.starts_at, e.ends_at,
  to_char(e.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS starts_us,
  e.place_name, e.place_address, ${selectLatLng('e.place_location', 'place')}, e.capacity,
  e.going_count, (SELECT count(*)::int FROM event_rsvps w WHERE w.event_id = e.id AND w.status = 'waiting') AS waiting_count,
  e.image_photo_id, e.cancelled_at, o.name AS organiser_name, e.created_at, e.updated_at,
  r.status AS my_status, ${MY_POSITION} AS my_position`;

const FROM = `events e JOIN municipalities m ON m.id = e.municipality_id
  JOIN organisations o ON o.id = e.organisation_id
  LEFT JOIN event_rsvps r ON r.event_id = e.id AND r.user_id = $1`;

function toRecord(r: EventRow): EventRecord {
  return {
    id: r.id,
    municipalityId: r.municipality_id,
    organisationId: r.organisation_id,
    municipality: { slug: r.town_slug, name: r.town_name },
    title: r.title,
    description: r.description,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    startsUs: r.starts_us,
    place: { name: r.place_name, address: r.place_address, location: latLngFrom(r, 'place') },
    capacity: r.capacity,
    going: r.going_count,
    waiting: r.waiting_count,
    organiser: { type: 'organisation', id: r.organisation_id, name: r.organiser_name },
    image: r.image_photo_id ? toImageRef(r.image_photo_id) : null,
    cancelledAt: r.cancelled_at?.toISOString() ?? null,
    myRsvp: r.my_status ? { status: r.my_status, position: r.my_position } : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** All SQL of events and their answers. */
@Injectable()
export class EventsRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(manager: EntityManager, e: NewEvent): Promise<string> {
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO events (municipality_id, organisation_id, title, description, starts_at, ends_at,
                           place_name, place_address, place_location, capacity, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ${geogPoint(9, 10)}, $11, $12) RETURNING id`,
      [
        e.municipalityId,
        e.organisationId,
        e.title,
        e.description,
        e.startsAt,
        e.endsAt,
        e.place.name,
        e.place.address,
        e.place.location.lng,
        e.place.location.lat,
        e.capacity,
        e.createdBy,
      ],
    );
    return rows[0]!.id;
  }

  async find(id: string, userId: string | null): Promise<EventRecord | null> {
    const rows = await this.ds.query<EventRow[]>(`SELECT ${COLUMNS} FROM ${FROM} WHERE e.id = $2`, [
      userId,
      id,
    ]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /**
   * A town's agenda, upcoming first (`(starts_at, id)`): its own events and, unless
   * `organisationId` narrows it, those of other partner towns whose place lies within
   * `EVENT_LIMITS.partnerRadiusM` of the town's centre. Cancelled events are left out.
   */
  async agenda(
    townId: string,
    userId: string | null,
    q: { from: Date; to: Date | null; organisationId?: string },
    limit: number,
    after: { startsAt: string; id: string } | null,
  ): Promise<EventRecord[]> {
    const params: unknown[] = [userId, townId, q.from, q.to, limit];
    const where = [
      'e.cancelled_at IS NULL',
      'e.ends_at >= $3',
      '($4::timestamptz IS NULL OR e.starts_at < $4)',
    ];
    if (q.organisationId) {
      params.push(q.organisationId);
      where.push(`e.municipality_id = $2 AND e.organisation_id = $${params.length}`);
    } else {
      params.push(EVENT_LIMITS.partnerRadiusM);
      where.push(
        `(e.municipality_id = $2 OR ST_DWithin(e.place_location, (SELECT centre FROM municipalities WHERE id = $2), $${params.length}))`,
      );
    }
    if (after) {
      params.push(after.startsAt.replace(/Z$/, ''), after.id);
      const n = params.length;
      where.push(`(e.starts_at, e.id) > (($${n - 1}::timestamp AT TIME ZONE 'UTC'), $${n}::uuid)`);
    }
    const rows = await this.ds.query<EventRow[]>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.join(' AND ')}
        ORDER BY e.starts_at, e.id LIMIT $5`,
      params,
    );
    return rows.map(toRecord);
  }

  /** Every event organised in the town, cancelled ones included, by start (archive, open data). */
  async allOfTown(townId: string): Promise<EventRecord[]> {
    const rows = await this.ds.query<EventRow[]>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE e.municipality_id = $2 ORDER BY e.starts_at, e.id`,
      [null, townId],
    );
    return rows.map(toRecord);
  }

  /** Sets the picture; returns the previous one's photo id (to delete its files). */
  async setImage(id: string, photoId: string): Promise<string | null> {
    const [rows] = await this.ds.query<[Array<{ previous: string | null }>, number]>(
      `UPDATE events e SET image_photo_id = $2, updated_at = now()
         FROM (SELECT image_photo_id AS previous FROM events WHERE id = $1 FOR UPDATE) p
        WHERE e.id = $1 RETURNING p.previous`,
      [id, photoId],
    );
    return rows[0]?.previous ?? null;
  }

  /** Locks the event's row (`FOR UPDATE`): every answer to it is taken one at a time. */
  async lock(manager: EntityManager, id: string): Promise<LockedEvent | null> {
    const rows = await manager.query<
      Array<{
        id: string;
        municipality_id: string;
        organisation_id: string;
        capacity: number | null;
        going_count: number;
        starts_at: Date;
        cancelled_at: Date | null;
      }>
    >(
      `SELECT id, municipality_id, organisation_id, capacity, going_count, starts_at, cancelled_at
         FROM events WHERE id = $1 FOR UPDATE`,
      [id],
    );
    const r = rows[0];
    return r
      ? {
          id: r.id,
          municipalityId: r.municipality_id,
          organisationId: r.organisation_id,
          capacity: r.capacity,
          going: r.going_count,
          startsAt: r.starts_at,
          cancelledAt: r.cancelled_at,
        }
      : null;
  }

  async rsvpOf(
    manager: EntityManager,
    eventId: string,
    userId: string,
  ): Promise<RsvpStatus | null> {
    const rows = await manager.query<Array<{ status: RsvpStatus }>>(
      `SELECT status FROM event_rsvps WHERE event_id = $1 AND user_id = $2`,
      [eventId, userId],
    );
    return rows[0]?.status ?? null;
  }

  /**
   * Records an answer under the event's lock. `clock_timestamp()`, not the transaction's start:
   * the waiting order is the order in which answers got the lock.
   */
  async addRsvp(
    manager: EntityManager,
    eventId: string,
    userId: string,
    status: RsvpStatus,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO event_rsvps (event_id, user_id, status, created_at) VALUES ($1, $2, $3, clock_timestamp())`,
      [eventId, userId, status],
    );
    if (status === 'going') await this.addGoing(manager, eventId, 1);
  }

  /** The CHECK `ck_events_going_count` refuses a count over the capacity. */
  async addGoing(manager: EntityManager, eventId: string, delta: number): Promise<void> {
    await manager.query(`UPDATE events SET going_count = going_count + $2 WHERE id = $1`, [
      eventId,
      delta,
    ]);
  }

  /** Deletes the answer; returns what it was (null: there was none). */
  async removeRsvp(
    manager: EntityManager,
    eventId: string,
    userId: string,
  ): Promise<RsvpStatus | null> {
    // DELETE/UPDATE … RETURNING answers `[rows, count]` through TypeORM.
    const [rows] = await manager.query<[Array<{ status: RsvpStatus }>, number]>(
      `DELETE FROM event_rsvps WHERE event_id = $1 AND user_id = $2 RETURNING status`,
      [eventId, userId],
    );
    const status = rows[0]?.status ?? null;
    if (status === 'going') await this.addGoing(manager, eventId, -1);
    return status;
  }

  /** The first of the waiting list becomes going; returns their id (null: nobody waits). */
  async promoteFirstWaiting(manager: EntityManager, eventId: string): Promise<string | null> {
    const [rows] = await manager.query<[Array<{ user_id: string }>, number]>(
      `UPDATE event_rsvps SET status = 'going', promoted_at = now()
        WHERE event_id = $1 AND user_id = (
          SELECT user_id FROM event_rsvps WHERE event_id = $1 AND status = 'waiting'
           ORDER BY created_at, user_id LIMIT 1)
        RETURNING user_id`,
      [eventId],
    );
    const userId = rows[0]?.user_id ?? null;
    if (userId) await this.addGoing(manager, eventId, 1);
    return userId;
  }

  async waitingPosition(
    manager: EntityManager,
    eventId: string,
    userId: string,
  ): Promise<number | null> {
    const rows = await manager.query<Array<{ position: number }>>(
      `SELECT count(*)::int AS position FROM event_rsvps w, event_rsvps r
        WHERE r.event_id = $1 AND r.user_id = $2 AND r.status = 'waiting'
          AND w.event_id = $1 AND w.status = 'waiting' AND (w.created_at, w.user_id) <= (r.created_at, r.user_id)`,
      [eventId, userId],
    );
    const n = rows[0]?.position ?? 0;
    return n > 0 ? n : null;
  }

  /** Going first, then the waiting list in order. */
  async attendees(
    eventId: string,
    limit: number,
    after: { rank: number; createdAt: string; userId: string } | null,
  ): Promise<Array<Attendee & { rank: number; createdUs: string }>> {
    const params: unknown[] = [eventId, limit];
    let where = '';
    if (after) {
      params.push(after.rank, after.createdAt.replace(/Z$/, ''), after.userId);
      where = `AND (a.rank, a.created_at, a.user_id) > ($3::int, ($4::timestamp AT TIME ZONE 'UTC'), $5::uuid)`;
    }
    const rows = await this.ds.query<
      Array<{
        user_id: string;
        display_name: string;
        status: RsvpStatus;
        created_at: Date;
        created_us: string;
        rank: number;
        position: number | null;
      }>
    >(
      `SELECT * FROM (
         SELECT r.user_id, u.display_name, r.status, r.created_at,
                to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS created_us,
                CASE WHEN r.status = 'going' THEN 0 ELSE 1 END AS rank,
                CASE WHEN r.status = 'waiting'
                     THEN (row_number() OVER (PARTITION BY r.status ORDER BY r.created_at, r.user_id))::int END AS position
           FROM event_rsvps r JOIN users u ON u.id = r.user_id
          WHERE r.event_id = $1) a
        WHERE true ${where}
        ORDER BY a.rank, a.created_at, a.user_id LIMIT $2`,
      params,
    );
    return rows.map((r) => ({
      userId: r.user_id,
      displayName: r.display_name,
      status: r.status,
      position: r.position,
      answeredAt: r.created_at.toISOString(),
      rank: Number(r.rank),
      createdUs: r.created_us,
    }));
  }

  /** Applies a patch; a new start resets the reminders (they are due again for the new date). */
  async update(
    id: string,
    patch: {
      title?: string;
      description?: string;
      startsAt?: string;
      endsAt?: string;
      place?: EventPlace;
    },
  ): Promise<void> {
    await this.ds.transaction(async (manager) => {
      const sets: string[] = [];
      const params: unknown[] = [id];
      const set = (sql: string, ...values: unknown[]) => {
        const start = params.length + 1;
        params.push(...values);
        sets.push(sql.replace(/\$(\d)/g, (_, i: string) => `$${start + Number(i) - 1}`));
      };
      if (patch.title !== undefined) set('title = $1', patch.title);
      if (patch.description !== undefined) set('description = $1', patch.description);
      if (patch.startsAt !== undefined) set('starts_at = $1', patch.startsAt);
      if (patch.endsAt !== undefined) set('ends_at = $1', patch.endsAt);
      if (patch.place !== undefined) {
        set('place_name = $1', patch.place.name);
        set('place_address = $1', patch.place.address);
        set(
          'place_location = ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography',
          patch.place.location.lng,
          patch.place.location.lat,
        );
      }
      if (sets.length === 0) return;
      await manager.query(
        `UPDATE events SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`,
        params,
      );
      if (patch.startsAt !== undefined) {
        await manager.query(`UPDATE event_rsvps SET reminded_at = NULL WHERE event_id = $1`, [id]);
      }
    });
  }

  async cancel(id: string): Promise<void> {
    await this.ds.query(
      `UPDATE events SET cancelled_at = now(), updated_at = now() WHERE id = $1 AND cancelled_at IS NULL`,
      [id],
    );
  }

  /** Going members not yet reminded, of events starting within `[now, now + horizon + lead]`. */
  async reminderCandidates(
    now: Date,
    untilStart: Date,
  ): Promise<Array<{ eventId: string; userId: string; startsAt: Date }>> {
    const rows = await this.ds.query<Array<{ event_id: string; user_id: string; starts_at: Date }>>(
      `SELECT r.event_id, r.user_id, e.starts_at FROM event_rsvps r JOIN events e ON e.id = r.event_id
        WHERE r.status = 'going' AND r.reminded_at IS NULL AND e.cancelled_at IS NULL
          AND e.starts_at > $1 AND e.starts_at <= $2`,
      [now, untilStart],
    );
    return rows.map((r) => ({ eventId: r.event_id, userId: r.user_id, startsAt: r.starts_at }));
  }

  /** The reminder subject, under the answer's row lock. */
  async reminderSubject(
    manager: EntityManager,
    eventId: string,
    userId: string,
  ): Promise<{
    status: RsvpStatus;
    startsAt: Date;
    cancelledAt: Date | null;
    remindedAt: Date | null;
  } | null> {
    const rows = await manager.query<
      Array<{
        status: RsvpStatus;
        starts_at: Date;
        cancelled_at: Date | null;
        reminded_at: Date | null;
      }>
    >(
      `SELECT r.status, e.starts_at, e.cancelled_at, r.reminded_at
         FROM event_rsvps r JOIN events e ON e.id = r.event_id
        WHERE r.event_id = $1 AND r.user_id = $2 FOR UPDATE OF r`,
      [eventId, userId],
    );
    const r = rows[0];
    return r
      ? {
          status: r.status,
          startsAt: r.starts_at,
          cancelledAt: r.cancelled_at,
          remindedAt: r.reminded_at,
        }
      : null;
  }

  async markReminded(manager: EntityManager, eventId: string, userId: string): Promise<void> {
    await manager.query(
      `UPDATE event_rsvps SET reminded_at = now() WHERE event_id = $1 AND user_id = $2`,
      [eventId, userId],
    );
  }

  /** What a notification about the event shows: no address, no coordinate. */
  async notificationContext(
    manager: EntityManager,
    eventId: string,
  ): Promise<{ title: string; startsAt: Date; placeName: string; organiserName: string } | null> {
    const rows = await manager.query<
      Array<{ title: string; starts_at: Date; place_name: string; organiser_name: string }>
    >(
      `SELECT e.title, e.starts_at, e.place_name, o.name AS organiser_name
         FROM events e JOIN organisations o ON o.id = e.organisation_id WHERE e.id = $1`,
      [eventId],
    );
    const r = rows[0];
    return r
      ? {
          title: r.title,
          startsAt: r.starts_at,
          placeName: r.place_name,
          organiserName: r.organiser_name,
        }
      : null;
  }

  /** The events the member answered (erasure withdraws each answer through the service). */
  async answeredBy(userId: string): Promise<string[]> {
    const rows = await this.ds.query<Array<{ event_id: string }>>(
      `SELECT event_id FROM event_rsvps WHERE user_id = $1`,
      [userId],
    );
    return rows.map((r) => r.event_id);
  }

  async deleteAnswersOf(manager: EntityManager, userId: string): Promise<void> {
    // Keeps each event's going count true for the answers that go.
    await manager.query(
      `UPDATE events e SET going_count = going_count - 1
         FROM event_rsvps r WHERE r.event_id = e.id AND r.user_id = $1 AND r.status = 'going'`,
      [userId],
    );
    await manager.query(`DELETE FROM event_rsvps WHERE user_id = $1`, [userId]);
  }
}
