import { Injectable } from '@nestjs/common';
import {
  type ListingAccess,
  type ListingCategory,
  type ListingKind,
  type ListingStatus,
  type ListingStatusChange,
  type ListingView,
  type LoanSettings,
  prefixTsQuery,
} from '@partagora/domain';
import type { BBox, LatLng } from '@partagora/geo';
import { DataSource, type EntityManager } from 'typeorm';
import { latLngFrom, preparedQuery } from '../../common/sql';
import { LISTING_SEARCH_CONFIG } from './listing.entity';
import {
  LISTING_VIEW_COLUMNS,
  LISTING_VIEW_JOINS,
  type ListingRow,
  toListingView,
} from './listing.mapper';

export interface NewListing {
  ownerId: string;
  municipalityId: string;
  kind: ListingKind;
  category: ListingCategory;
  title: string;
  description: string;
  condition: string | null;
  exact: LatLng;
  public: LatLng;
  loan: LoanSettings;
  barterWishes: string | null;
  /** A tool-library item's organisation (its public place is `exact` = `public`). */
  ownerOrganisationId?: string | null;
}

export interface ListingChanges {
  category?: ListingCategory;
  title?: string;
  description?: string;
  condition?: string | null;
  status?: ListingStatus;
  exact?: LatLng;
  public?: LatLng;
  loan?: Partial<LoanSettings>;
  barterWishes?: string | null;
}

/** What an exchange needs to know of its listing. */
export interface ListingForExchange {
  id: string;
  ownerId: string;
  kind: ListingKind;
  status: ListingStatus;
  title: string;
  loan: LoanSettings;
  /** A tool-library item: the lending organisation. */
  ownerOrganisationId: string | null;
}

/** What a loan listing's availability needs. */
export interface ListingLoanInfo {
  ownerId: string;
  status: ListingStatus;
  kind: ListingKind;
  loan: LoanSettings;
}

export interface ListingFilters {
  kind?: ListingKind;
  category?: ListingCategory;
  /** Words already split; each matches as a prefix, accents folded. */
  words?: string[];
  /** Typo-tolerant: the title holds a word like each of these (trigram word similarity, folded). */
  fuzzy?: string[];
  /** Who searches: owners they blocked, or who blocked them, are left out. */
  viewerId?: string;
}

export interface NearbyCursor {
  distance: number;
  id: string;
}

export interface NearbyRow {
  listing: ListingView;
  /** Metres on the sphere between the (snapped) centre and the public point. */
  distance: number;
}

/** Builds a parameter list and the WHERE fragments of the listing filters. */
class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

function filterSql(p: Params, f: ListingFilters): string {
  const parts: string[] = [];
  if (f.kind) parts.push(`l.kind = ${p.add(f.kind)}`);
  if (f.category) parts.push(`l.category = ${p.add(f.category)}`);
  if (f.words && f.words.length > 0) {
    // to_tsquery syntax is built from letters/digits only, each word as a prefix.
    const query = prefixTsQuery(f.words);
    parts.push(`l.search_vector @@ to_tsquery('${LISTING_SEARCH_CONFIG}', ${p.add(query)})`);
  }
  for (const w of f.fuzzy ?? []) {
    // `<%`: word similarity ≥ pg_trgm.word_similarity_threshold (0.5, set per connection in
    // data-source.ts), served by the GIN index; every word must match, like the full text.
    parts.push(`public.listing_fold(${p.add(w)}::text) <% public.listing_fold(l.title)`);
  }
  if (f.viewerId) {
    // Two anti-joins, each an index-only probe: the primary key (blocker, blocked) for "I blocked
    // the owner", the reverse index (blocked, blocker) for "the owner blocked me".
    const v = p.add(f.viewerId);
    parts.push(
      `NOT EXISTS (SELECT 1 FROM user_blocks ub WHERE ub.blocker_id = ${v}::uuid AND ub.blocked_id = l.owner_id)`,
      `NOT EXISTS (SELECT 1 FROM user_blocks ub WHERE ub.blocked_id = ${v}::uuid AND ub.blocker_id = l.owner_id)`,
    );
  }
  return parts.map((s) => ` AND ${s}`).join('');
}

const point = (p: Params, at: LatLng) =>
  `ST_SetSRID(ST_MakePoint(${p.add(at.lng)}, ${p.add(at.lat)}), 4326)::geography`;

/** The sphere PostGIS measures geography distances on (`use_spheroid = false`), metres. */
const SPHERE_RADIUS_M = 6371008.7714;
/**
 * Chord metres below which two candidates count as tied at the page cut: float noise is ~1e-8 m,
 * real gaps between distinct points are centimetres at least.
 */
const CHORD_EPS = 0.001;

/** `listing_sphere_xyz` in JS: the point's 3-D coordinates on the sphere, metres. */
export function sphereXyz(at: LatLng): [number, number, number] {
  const lat = (at.lat * Math.PI) / 180;
  const lng = (at.lng * Math.PI) / 180;
  return [
    SPHERE_RADIUS_M * Math.cos(lat) * Math.cos(lng),
    SPHERE_RADIUS_M * Math.cos(lat) * Math.sin(lng),
    SPHERE_RADIUS_M * Math.sin(lat),
  ];
}

/** The chord of a sphere distance `d` metres: 2R·sin(d/2R) (at most the diameter). */
export function chordMetres(d: number): number {
  return (
    2 * SPHERE_RADIUS_M * Math.sin(Math.min(d, Math.PI * SPHERE_RADIUS_M) / (2 * SPHERE_RADIUS_M))
  );
}

/** All PostGIS SQL of listings. Every filter, order and distance uses the public point. */
@Injectable()
export class ListingsRepository {
  constructor(private readonly ds: DataSource) {}

  async insert(manager: EntityManager, l: NewListing): Promise<string> {
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO listings (owner_id, municipality_id, kind, category, title, description, condition,
                             exact_point, public_point, loan_max_days, loan_buffer_hours, deposit_note,
                             auto_accept, barter_wishes, owner_organisation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7,
               ST_SetSRID(ST_MakePoint($8, $9), 4326)::geography, ST_SetSRID(ST_MakePoint($10, $11), 4326)::geography,
               $12, $13, $14, $15, $16, $17)
       RETURNING id`,
      [
        l.ownerId,
        l.municipalityId,
        l.kind,
        l.category,
        l.title,
        l.description,
        l.condition,
        l.exact.lng,
        l.exact.lat,
        l.public.lng,
        l.public.lat,
        l.loan.maxDays,
        l.loan.bufferHours,
        l.loan.depositNote,
        l.loan.autoAccept,
        l.barterWishes,
        l.ownerOrganisationId ?? null,
      ],
    );
    return rows[0]!.id;
  }

  async findView(
    id: string,
    manager: EntityManager = this.ds.manager,
  ): Promise<ListingView | null> {
    const rows = await manager.query<ListingRow[]>(
      `SELECT ${LISTING_VIEW_COLUMNS} FROM listings l ${LISTING_VIEW_JOINS} WHERE l.id = $1`,
      [id],
    );
    return rows[0] ? toListingView(rows[0]) : null;
  }

  /** Locks the row for an edit in `manager`'s transaction. */
  async lockForEdit(
    manager: EntityManager,
    id: string,
  ): Promise<{
    ownerId: string;
    status: ListingStatus;
    ownerOrganisationId: string | null;
  } | null> {
    const rows = await manager.query<
      Array<{
        owner_id: string;
        status: ListingStatus;
        owner_organisation_id: string | null;
      }>
    >(`SELECT owner_id, status, owner_organisation_id FROM listings WHERE id = $1 FOR UPDATE`, [
      id,
    ]);
    const row = rows[0];
    return row
      ? {
          ownerId: row.owner_id,
          status: row.status,
          ownerOrganisationId: row.owner_organisation_id,
        }
      : null;
  }

  /**
   * The owner's home moved: listings standing at the old home (within a metre) now stand at the
   * new one. Returns every listing of the owner with its (new) exact place, for their public
   * points to be recomputed. Locks them for the caller's transaction.
   */
  async moveHome(
    manager: EntityManager,
    ownerId: string,
    from: LatLng,
    to: LatLng,
  ): Promise<Array<{ id: string; place: LatLng }>> {
    await manager.query(
      `UPDATE listings SET exact_point = ST_SetSRID(ST_MakePoint($4, $5), 4326)::geography, updated_at = now()
        WHERE owner_id = $1 AND ST_DWithin(exact_point, ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography, 1)`,
      [ownerId, from.lng, from.lat, to.lng, to.lat],
    );
    const rows = await manager.query<Array<{ id: string; lat: number; lng: number }>>(
      `SELECT id, ST_Y(exact_point::geometry) AS lat, ST_X(exact_point::geometry) AS lng
         FROM listings WHERE owner_id = $1 ORDER BY id FOR NO KEY UPDATE`,
      [ownerId],
    );
    return rows.map((r) => ({ id: r.id, place: { lat: Number(r.lat), lng: Number(r.lng) } }));
  }

  /** Stores recomputed public points, in the caller's transaction. */
  async setPublicPoints(
    manager: EntityManager,
    points: Array<{ id: string; point: LatLng }>,
  ): Promise<void> {
    if (points.length === 0) return;
    await manager.query(
      `UPDATE listings AS l SET public_point = ST_SetSRID(ST_MakePoint(v.lng, v.lat), 4326)::geography
         FROM unnest($1::uuid[], $2::float8[], $3::float8[]) AS v(id, lng, lat) WHERE l.id = v.id`,
      [points.map((p) => p.id), points.map((p) => p.point.lng), points.map((p) => p.point.lat)],
    );
  }

  async update(manager: EntityManager, id: string, c: ListingChanges): Promise<void> {
    const p = new Params();
    const sets: string[] = [];
    const col = (name: string, v: unknown) => v !== undefined && sets.push(`${name} = ${p.add(v)}`);
    col('category', c.category);
    col('title', c.title);
    col('description', c.description);
    col('condition', c.condition);
    col('status', c.status);
    col('barter_wishes', c.barterWishes);
    col('loan_max_days', c.loan?.maxDays);
    col('loan_buffer_hours', c.loan?.bufferHours);
    col('deposit_note', c.loan?.depositNote);
    col('auto_accept', c.loan?.autoAccept);
    if (c.exact) sets.push(`exact_point = ${point(p, c.exact)}`);
    if (c.public) sets.push(`public_point = ${point(p, c.public)}`);
    if (sets.length === 0) return;
    await manager.query(
      `UPDATE listings SET ${sets.join(', ')}, updated_at = now() WHERE id = ${p.add(id)}`,
      p.values,
    );
  }

  /**
   * The listing, locked as every write on its exchanges locks it (`FOR NO KEY UPDATE`, the
   * exchanges' `lockListingOf`): requests (an auto-accepted loan enters the exclusion constraint at
   * once) and steps on one listing queue in one order instead of deadlocking.
   */
  async lockForExchange(manager: EntityManager, id: string): Promise<ListingForExchange | null> {
    const rows = await manager.query<
      Array<{
        id: string;
        owner_id: string;
        kind: ListingKind;
        status: ListingStatus;
        title: string;
        loan_max_days: number;
        loan_buffer_hours: number;
        deposit_note: string | null;
        auto_accept: boolean;
        owner_organisation_id: string | null;
      }>
    >(
      `SELECT id, owner_id, kind, status, title, loan_max_days, loan_buffer_hours, deposit_note, auto_accept,
              owner_organisation_id
         FROM listings WHERE id = $1 FOR NO KEY UPDATE`,
      [id],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      ownerId: r.owner_id,
      kind: r.kind,
      status: r.status,
      title: r.title,
      loan: {
        maxDays: r.loan_max_days,
        bufferHours: r.loan_buffer_hours,
        depositNote: r.deposit_note,
        autoAccept: r.auto_accept,
      },
      ownerOrganisationId: r.owner_organisation_id,
    };
  }

  /** What moderation reads: town, owner, status, and the text itself. */
  async findForModeration(
    id: string,
    manager: EntityManager = this.ds.manager,
  ): Promise<{
    municipalityId: string;
    ownerId: string;
    ownerName: string;
    status: ListingStatus;
    title: string;
    description: string;
  } | null> {
    const rows = await manager.query<
      Array<{
        municipality_id: string;
        owner_id: string;
        owner_name: string;
        status: ListingStatus;
        title: string;
        description: string;
      }>
    >(
      `SELECT l.municipality_id, l.owner_id, u.display_name AS owner_name, l.status, l.title, l.description
         FROM listings l JOIN users u ON u.id = l.owner_id WHERE l.id = $1`,
      [id],
    );
    const r = rows[0];
    return r
      ? {
          municipalityId: r.municipality_id,
          ownerId: r.owner_id,
          ownerName: r.owner_name,
          status: r.status,
          title: r.title,
          description: r.description,
        }
      : null;
  }

  /** Hides the listing by moderation, keeping the status it had for a later restore. */
  async hide(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE listings SET status_before_hidden = status, status = 'hidden', updated_at = now()
        WHERE id = $1 AND status <> 'hidden'`,
      [id],
    );
  }

  /** Shows a hidden listing again with the status it had before. */
  async restore(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE listings SET status = COALESCE(status_before_hidden, 'available'), status_before_hidden = NULL,
              updated_at = now()
        WHERE id = $1 AND status = 'hidden'`,
      [id],
    );
  }

  /** The town of a listing. */
  async municipalityOf(id: string): Promise<string | null> {
    const rows = await this.ds.query<Array<{ municipality_id: string }>>(
      `SELECT municipality_id FROM listings WHERE id = $1`,
      [id],
    );
    return rows[0]?.municipality_id ?? null;
  }

  /** Who owns the listing and its status (what access rules read). */
  async findAccess(
    id: string,
    manager: EntityManager = this.ds.manager,
  ): Promise<ListingAccess | null> {
    const rows = await manager.query<Array<{ owner_id: string; status: ListingStatus }>>(
      `SELECT owner_id, status FROM listings WHERE id = $1`,
      [id],
    );
    const r = rows[0];
    return r ? { ownerId: r.owner_id, status: r.status } : null;
  }

  async findLoanInfo(listingId: string): Promise<ListingLoanInfo | null> {
    const rows = await this.ds.query<
      Array<{
        owner_id: string;
        status: ListingStatus;
        kind: ListingKind;
        loan_max_days: number;
        loan_buffer_hours: number;
        deposit_note: string | null;
        auto_accept: boolean;
      }>
    >(
      `SELECT owner_id, status, kind, loan_max_days, loan_buffer_hours, deposit_note, auto_accept FROM listings WHERE id = $1`,
      [listingId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      ownerId: r.owner_id,
      status: r.status,
      kind: r.kind,
      loan: {
        maxDays: r.loan_max_days,
        bufferHours: r.loan_buffer_hours,
        depositNote: r.deposit_note,
        autoAccept: r.auto_accept,
      },
    };
  }

  /** Sets the status, only from one of `onlyIf` when given (else the row is left as it is). */
  async setStatus(manager: EntityManager, id: string, change: ListingStatusChange): Promise<void> {
    const { set, onlyIf } = change;
    await manager.query(
      `UPDATE listings SET status = $2, updated_at = now() WHERE id = $1${onlyIf ? ' AND status = ANY($3)' : ''}`,
      onlyIf ? [id, set, onlyIf] : [id, set],
    );
  }

  /**
   * Available listings whose public point is within `radiusM` metres of `centre`, nearest first
   * then by id, after `cursor`.
   *
   * The distance is `public_point <-> centre` (sphere) everywhere: radius, cursor, final order and
   * bucket agree. The nearest candidates come from a KNN scan of a partial n-D GiST index on the
   * points' 3-D coordinates on that sphere (`listing_sphere_xyz`, docs/decisions/0016): the chord
   * `<<->>` grows strictly with the sphere distance, so its order is the distance order, only far
   * cheaper to compute, and it is right on every longitude (overseas towns included).
   * `top` stops after `limit + 1` rows. Listings of one home share one public point, so distances
   * tie: when the row after the page is (within float noise, `CHORD_EPS`) as near as the page's
   * last one, every listing up to that chord is fetched too. The final order by the exact
   * (distance, id) then cuts the page exactly where the cursor will resume.
   */
  async findNearby(
    centre: LatLng,
    radiusM: number,
    filters: ListingFilters,
    limit: number,
    cursor?: NearbyCursor,
  ): Promise<NearbyRow[]> {
    const p = new Params();
    const c = point(p, centre);
    const [x, y, z] = sphereXyz(centre);
    const cx = `public.ST_MakePoint(${p.add(x)}::float8, ${p.add(y)}::float8, ${p.add(z)}::float8)`;
    const xyz = `public.listing_sphere_xyz(l.public_point)`;
    const chord = `(${xyz} <<->> ${cx})`;
    const dist = `(l.public_point <-> ${c})`;
    const within = (reach: string) =>
      `${xyz} &&& public.ST_Expand(${cx}, ${reach}, ${reach}, ${reach}, 0::float8)`;
    const lim = p.add(limit);
    const eps = p.add(CHORD_EPS);
    let exact = `l.status = 'available' AND ST_DWithin(l.public_point, ${c}, ${p.add(radiusM)}::float8, false)${filterSql(p, filters)}`;
    if (cursor) {
      const d = p.add(cursor.distance);
      exact += ` AND (${dist} > ${d}::float8 OR (${dist} = ${d}::float8 AND l.id > ${p.add(cursor.id)}::uuid))`;
    }
    const reach = p.add(chordMetres(radiusM) + CHORD_EPS);
    const sql = `
      WITH top AS (
        SELECT l.id, ${chord} AS chord FROM listings l
         WHERE ${within(`${reach}::float8`)} AND ${exact}
         ORDER BY ${chord} LIMIT ${lim}::int + 1
      ), edge AS (
        SELECT count(*) AS n, max(chord) AS beyond,
               (SELECT chord FROM top ORDER BY chord OFFSET ${lim}::int - 1 LIMIT 1) AS last
          FROM top
      ), page AS (
        SELECT id FROM top
        UNION
        SELECT l.id FROM listings l
         WHERE (SELECT n FROM edge) > ${lim}::int AND (SELECT beyond - last FROM edge) <= ${eps}::float8
           AND ${within(`(SELECT beyond FROM edge) + ${eps}::float8`)} AND ${exact}
           AND ${chord} <= (SELECT beyond FROM edge) + ${eps}::float8
      )
      SELECT ${LISTING_VIEW_COLUMNS}, ${dist} AS distance
        FROM page JOIN listings l ON l.id = page.id ${LISTING_VIEW_JOINS}
       ORDER BY distance, l.id LIMIT ${lim}::int`;
    const rows = await preparedQuery<ListingRow & { distance: number }>(this.ds, sql, p.values);
    return rows.map((r) => ({
      listing: toListingView(r),
      distance: Number(r.distance),
    }));
  }

  /** How many available listings lie in the box, counting at most `cap + 1`. */
  async countInBox(box: BBox, filters: ListingFilters, cap: number): Promise<number> {
    const p = new Params();
    const env = `ST_MakeEnvelope(${p.add(box.west)}, ${p.add(box.south)}, ${p.add(box.east)}, ${p.add(box.north)}, 4326)::geography`;
    const rows = await preparedQuery<{ n: number }>(
      this.ds,
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM listings l
        WHERE l.status = 'available' AND l.public_point && ${env}${filterSql(p, filters)} LIMIT ${p.add(cap + 1)}) s`,
      p.values,
    );
    return rows[0]?.n ?? 0;
  }

  async pointsInBox(box: BBox, filters: ListingFilters, limit: number) {
    const p = new Params();
    const env = `ST_MakeEnvelope(${p.add(box.west)}, ${p.add(box.south)}, ${p.add(box.east)}, ${p.add(box.north)}, 4326)::geography`;
    const rows = await preparedQuery<
      Record<string, unknown> & {
        id: string;
        kind: ListingKind;
        category: ListingCategory;
        title: string;
      }
    >(
      this.ds,
      `SELECT l.id, l.kind, l.category, l.title,
              ST_Y(l.public_point::geometry) AS approx_lat, ST_X(l.public_point::geometry) AS approx_lng
         FROM listings l
        WHERE l.status = 'available' AND l.public_point && ${env}${filterSql(p, filters)}
        ORDER BY l.id LIMIT ${p.add(limit)}`,
      p.values,
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      category: r.category,
      title: r.title,
      approxLocation: latLngFrom(r, 'approx'),
    }));
  }

  /**
   * Grid clusters of public points: cells `cellDeg` degrees a side on a grid fixed to (0°, 0°),
   * each centred on its members. The box is widened to whole cells, so a cell cut by the viewport
   * still counts and centres all its members: panning never moves nor recounts a cluster.
   */
  async clustersInBox(box: BBox, filters: ListingFilters, cellDeg: number) {
    const p = new Params();
    const cell = p.add(cellDeg);
    const snapped = gridBox(box, cellDeg);
    const [w, so, e, n] = [snapped.west, snapped.south, snapped.east, snapped.north].map((v) =>
      p.add(v),
    );
    const env = `ST_MakeEnvelope(${w}, ${so}, ${e}, ${n}, 4326)::geography`;
    // `&&` on geography is a prefilter (its box follows great circles, not parallels): the exact
    // degree bounds decide, so a cell holds the same members whatever the viewport.
    const rows = await preparedQuery<Record<string, unknown> & { n: number }>(
      this.ds,
      `SELECT avg(ST_Y(g)) AS c_lat, avg(ST_X(g)) AS c_lng, count(*)::int AS n
         FROM (SELECT l.public_point::geometry AS g FROM listings l
                WHERE l.status = 'available' AND l.public_point && ${env}${filterSql(p, filters)}) s
        WHERE ST_X(g) >= ${w}::float8 AND ST_X(g) < ${e}::float8 AND ST_Y(g) >= ${so}::float8 AND ST_Y(g) < ${n}::float8
        GROUP BY floor(ST_X(g) / ${cell}::float8), floor(ST_Y(g) / ${cell}::float8)`,
      p.values,
    );
    return rows.map((r) => ({ location: latLngFrom(r, 'c'), count: r.n }));
  }
}

/** `box` widened to whole cells of the fixed `cellDeg` grid (clamped to the world). */
export function gridBox(box: BBox, cellDeg: number): BBox {
  const down = (v: number) => Math.floor(v / cellDeg) * cellDeg;
  const up = (v: number) => (Math.floor(v / cellDeg) + 1) * cellDeg;
  return {
    west: Math.max(-180, down(box.west)),
    south: Math.max(-90, down(box.south)),
    east: Math.min(180, up(box.east)),
    north: Math.min(90, up(box.north)),
  };
}
