import type { MunicipalitySettings } from '@partagora/domain';
import type { LatLng } from '@partagora/geo';
import type { LocationPrivacyService } from '../common/location/location-privacy.service';

/** A QueryRunner or an EntityManager: whatever runs SQL in the caller's transaction. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** Rows read and written per round trip. */
const BATCH = 1000;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

interface PlaceRow {
  id: string;
  owner_id: string;
  place_lat: number;
  place_lng: number;
  home_lat: number;
  home_lng: number;
  settings: MunicipalitySettings;
}

/**
 * Recomputes every stored public point with the current rule and secret (DESIGN.md §5): each
 * resident's home (`users.home_public_point`), then each listing (`listings.public_point`), with
 * the ring of the owner's town, as the services compute them. Deterministic, so running it again
 * changes nothing. Used by the migration that introduced one offset per place, and by
 * `cli recompute-public-points` after a change of `LOCATION_SECRET`. Former members (erased) are
 * skipped: they have no home (`home_point IS NULL`, not `erased_at`, which the older migration
 * calling this predates), and their listings stand at the town centre. Runs in `q`'s transaction.
 */
export async function recomputePublicPoints(
  q: Queryable,
  privacy: LocationPrivacyService,
): Promise<{ users: number; listings: number }> {
  const users = await inBatches(
    q,
    `SELECT u.id, u.id AS owner_id,
            ST_Y(u.home_point::geometry) AS place_lat, ST_X(u.home_point::geometry) AS place_lng,
            ST_Y(u.home_point::geometry) AS home_lat, ST_X(u.home_point::geometry) AS home_lng,
            m.settings
       FROM users u JOIN municipalities m ON m.id = u.municipality_id
      WHERE u.id > $1 AND u.home_point IS NOT NULL ORDER BY u.id LIMIT $2`,
    'users',
    'home_public_point',
    privacy,
  );
  const listings = await inBatches(
    q,
    `SELECT l.id, l.owner_id,
            ST_Y(l.exact_point::geometry) AS place_lat, ST_X(l.exact_point::geometry) AS place_lng,
            ST_Y(u.home_point::geometry) AS home_lat, ST_X(u.home_point::geometry) AS home_lng,
            m.settings
       FROM listings l JOIN users u ON u.id = l.owner_id JOIN municipalities m ON m.id = u.municipality_id
      WHERE l.id > $1 AND u.home_point IS NOT NULL ORDER BY l.id LIMIT $2`,
    'listings',
    'public_point',
    privacy,
  );
  return { users, listings };
}

async function inBatches(
  q: Queryable,
  select: string,
  table: 'users' | 'listings',
  column: 'home_public_point' | 'public_point',
  privacy: LocationPrivacyService,
): Promise<number> {
  let after = NIL_UUID;
  let total = 0;
  for (;;) {
    const rows = (await q.query(select, [after, BATCH])) as PlaceRow[];
    if (rows.length === 0) return total;
    const points: LatLng[] = rows.map((r) =>
      privacy.publicPoint({
        ownerId: r.owner_id,
        place: { lat: Number(r.place_lat), lng: Number(r.place_lng) },
        home: { lat: Number(r.home_lat), lng: Number(r.home_lng) },
        settings: r.settings,
      }),
    );
    await q.query(
      `UPDATE ${table} AS t SET ${column} = ST_SetSRID(ST_MakePoint(v.lng, v.lat), 4326)::geography
         FROM unnest($1::uuid[], $2::float8[], $3::float8[]) AS v(id, lng, lat)
        WHERE t.id = v.id`,
      [rows.map((r) => r.id), points.map((p) => p.lng), points.map((p) => p.lat)],
    );
    total += rows.length;
    after = rows[rows.length - 1]!.id;
  }
}
