import { Injectable } from '@nestjs/common';
import {
  ALERT_LIMITS,
  type AlertView,
  type ListingCategory,
  type ListingKind,
} from '@partagora/domain';
import type { LatLng } from '@partagora/geo';
import { DataSource, type EntityManager } from 'typeorm';
import { latLngFrom, selectLatLng } from '../../common/sql';
import { LISTING_SEARCH_CONFIG } from '../listings/listing.entity';

export interface NewAlert {
  userId: string;
  /** Null: the user's home. */
  centre: LatLng | null;
  radius: number;
  kind: ListingKind | null;
  category: ListingCategory | null;
  q: string | null;
}

/** The new listing, as its notifications show it. */
export interface NewListingFacts {
  id: string;
  ownerId: string;
  ownerName: string;
  kind: ListingKind;
  category: ListingCategory;
  title: string;
}

/** An alert whose circle holds the listing's public point, kind and category matching. */
export interface AlertCandidate {
  alertId: string;
  userId: string;
  q: string | null;
  /** Metres from the alert's centre to the listing's public point. */
  distance: number;
}

/** The nearest listing of one owner answering a wanted post. */
export interface WantedCandidate {
  ownerId: string;
  listingId: string;
  title: string;
  /** Metres between the two public points. */
  distance: number;
}

interface AlertRow extends Record<string, unknown> {
  id: string;
  radius: number;
  kind: ListingKind | null;
  category: ListingCategory | null;
  q: string | null;
  created_at: Date;
  /** `created_at` to the microsecond, UTC ISO: the list cursor. */
  created_key: string;
}

const ALERT_COLUMNS = `a.id, a.radius, a.kind, a.category, a.q, a.created_at,
  to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key,
  ${selectLatLng('a.centre', 'c')}`;

const toAlertView = (r: AlertRow): AlertView => ({
  id: r.id,
  centre: latLngFrom(r, 'c'),
  radius: r.radius,
  kind: r.kind,
  category: r.category,
  q: r.q,
  createdAt: r.created_at.toISOString(),
});

/** All SQL of alerts (saved searches) and of matching new listings against them. */
@Injectable()
export class AlertsRepository {
  constructor(private readonly ds: DataSource) {}

  /** Locks the user's row (serialises their alert creations) and counts their alerts. */
  async lockAndCount(manager: EntityManager, userId: string): Promise<number | null> {
    const locked = await manager.query<unknown[]>(
      `SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE`,
      [userId],
    );
    if (locked.length === 0) return null;
    const rows = await manager.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM alerts WHERE user_id = $1`,
      [userId],
    );
    return rows[0]?.n ?? 0;
  }

  async insert(manager: EntityManager, a: NewAlert): Promise<AlertView> {
    const rows = await manager.query<AlertRow[]>(
      `WITH ins AS (
         INSERT INTO alerts (user_id, centre, radius, kind, category, q)
         SELECT u.id,
                CASE WHEN $2::float8 IS NULL THEN u.home_point
                     ELSE ST_SetSRID(ST_MakePoint($2::float8, $3::float8), 4326)::geography END,
                $4, $5, $6, $7
           FROM users u WHERE u.id = $1
         RETURNING *)
       SELECT ${ALERT_COLUMNS} FROM ins a`,
      [a.userId, a.centre?.lng ?? null, a.centre?.lat ?? null, a.radius, a.kind, a.category, a.q],
    );
    return toAlertView(rows[0]!);
  }

  /** The user's alerts, newest first, after `(createdKey, id)` of the previous page. */
  async listForUser(
    userId: string,
    limit: number,
    after?: { createdKey: string; id: string },
  ): Promise<Array<AlertView & { cursor: { createdKey: string; id: string } }>> {
    const params: unknown[] = [userId, limit];
    let where = 'a.user_id = $1';
    if (after) {
      params.push(after.createdKey, after.id);
      where += ` AND (a.created_at, a.id) < ($3::timestamptz, $4::uuid)`;
    }
    const rows = await this.ds.query<AlertRow[]>(
      `SELECT ${ALERT_COLUMNS} FROM alerts a WHERE ${where} ORDER BY a.created_at DESC, a.id DESC LIMIT $2`,
      params,
    );
    return rows.map((r) => ({
      ...toAlertView(r),
      cursor: { createdKey: r.created_key, id: r.id },
    }));
  }

  /** Every alert of the user, oldest first (their export). */
  async allOf(userId: string): Promise<AlertView[]> {
    const rows = await this.ds.query<AlertRow[]>(
      `SELECT ${ALERT_COLUMNS} FROM alerts a WHERE a.user_id = $1 ORDER BY a.created_at, a.id`,
      [userId],
    );
    return rows.map(toAlertView);
  }

  /** Deletes every alert of the user (erasure), in the caller's transaction. */
  async deleteAllOf(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM alerts WHERE user_id = $1`, [userId]);
  }

  /** Deletes the user's own alert; false when it is not theirs or does not exist. */
  async deleteOwn(userId: string, alertId: string): Promise<boolean> {
    // TypeORM answers a DELETE with `[rows, affected]`.
    const [, affected] = await this.ds.query<[unknown[], number]>(
      `DELETE FROM alerts WHERE id = $1 AND user_id = $2`,
      [alertId, userId],
    );
    return affected > 0;
  }

  async newListing(manager: EntityManager, listingId: string): Promise<NewListingFacts | null> {
    const rows = await manager.query<
      Array<{
        id: string;
        owner_id: string;
        owner_name: string;
        kind: ListingKind;
        category: ListingCategory;
        title: string;
      }>
    >(
      `SELECT l.id, l.owner_id, u.display_name AS owner_name, l.kind, l.category, l.title
         FROM listings l JOIN users u ON u.id = l.owner_id
        WHERE l.id = $1 AND l.status = 'available'`,
      [listingId],
    );
    const r = rows[0];
    return r
      ? {
          id: r.id,
          ownerId: r.owner_id,
          ownerName: r.owner_name,
          kind: r.kind,
          category: r.category,
          title: r.title,
        }
      : null;
  }

  /**
   * Alerts of other users whose circle contains the listing's PUBLIC point, with the same kind
   * (an alert without a kind looks for offers: it skips wanted posts) and category when set.
   * The constant outer bound lets the GiST index on `alerts.centre` narrow the scan.
   */
  async alertsAround(manager: EntityManager, listingId: string): Promise<AlertCandidate[]> {
    const rows = await manager.query<
      Array<{ id: string; user_id: string; q: string | null; distance: number }>
    >(
      `SELECT a.id, a.user_id, a.q, ST_Distance(a.centre, l.public_point) AS distance
         FROM listings l
         JOIN alerts a ON ST_DWithin(a.centre, l.public_point, $2)
                      AND ST_DWithin(a.centre, l.public_point, a.radius)
        WHERE l.id = $1
          AND a.user_id <> l.owner_id
          AND (a.kind = l.kind OR (a.kind IS NULL AND l.kind <> 'wanted'))
          AND (a.category IS NULL OR a.category = l.category)
        ORDER BY distance, a.id`,
      [listingId, ALERT_LIMITS.radiusMax],
    );
    return rows.map((r) => ({
      alertId: r.id,
      userId: r.user_id,
      q: r.q,
      distance: Number(r.distance),
    }));
  }

  /**
   * Which of the prefix queries (`word:* & word:*`, built from letters and digits only) the
   * listing's search vector matches, by index in `queries`: same config and semantics as search.
   */
  async matchingQueries(
    manager: EntityManager,
    listingId: string,
    queries: string[],
  ): Promise<Set<number>> {
    if (queries.length === 0) return new Set();
    const rows = await manager.query<Array<{ idx: string }>>(
      `SELECT t.idx
         FROM listings l, unnest($2::text[]) WITH ORDINALITY AS t(query, idx)
        WHERE l.id = $1 AND l.search_vector @@ to_tsquery('${LISTING_SEARCH_CONFIG}', t.query)`,
      [listingId, queries],
    );
    return new Set(rows.map((r) => Number(r.idx) - 1));
  }

  /**
   * For a wanted post: the nearest owners (at most `limit`, each once, by their nearest listing)
   * of available lend/give/barter listings of its category within `radiusM` metres of its public
   * point whose title shares a word (`query`: `a:* | b:*`) with it. The post's author excluded.
   */
  async wantedCandidates(
    manager: EntityManager,
    listingId: string,
    query: string,
    radiusM: number,
    limit: number,
  ): Promise<WantedCandidate[]> {
    const rows = await manager.query<
      Array<{ owner_id: string; listing_id: string; title: string; distance: number }>
    >(
      `SELECT owner_id, listing_id, title, distance FROM (
         SELECT DISTINCT ON (c.owner_id) c.owner_id, c.id AS listing_id, c.title,
                ST_Distance(c.public_point, w.public_point) AS distance
           FROM listings w
           JOIN listings c ON c.category = w.category
                          AND c.status = 'available'
                          AND c.kind IN ('lend', 'give', 'barter')
                          AND c.owner_id <> w.owner_id
                          AND ST_DWithin(c.public_point, w.public_point, $2)
          WHERE w.id = $1 AND w.kind = 'wanted'
            AND to_tsvector('${LISTING_SEARCH_CONFIG}', c.title) @@ to_tsquery('${LISTING_SEARCH_CONFIG}', $3)
          ORDER BY c.owner_id, distance, c.id
       ) nearest_per_owner
       ORDER BY distance, owner_id
       LIMIT $4`,
      [listingId, radiusM, query, limit],
    );
    return rows.map((r) => ({
      ownerId: r.owner_id,
      listingId: r.listing_id,
      title: r.title,
      distance: Number(r.distance),
    }));
  }
}
