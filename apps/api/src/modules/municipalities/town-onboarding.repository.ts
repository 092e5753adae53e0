import type { MunicipalitySettings } from '@partagora/domain';
import type { DataSource, EntityManager } from 'typeorm';

/** What PostGIS says about a GeoJSON geometry before a town is built on it. */
export interface GeometryReport {
  type: string;
  empty: boolean;
  valid: boolean;
  reason: string;
  areaKm2: number;
  inRange: boolean;
  /** A point inside the surface (the town's centre), degrees. */
  inside: { lat: number; lng: number } | null;
}

/** SQL of the platform admin's `town:create` command (the CLI has no Nest container). */
export class TownOnboardingRepository {
  constructor(private readonly ds: DataSource) {}

  /** Null when PostGIS cannot read the GeoJSON at all (its message is in `error`). */
  async inspect(geojson: string): Promise<GeometryReport | { error: string }> {
    try {
      const rows = await this.ds.query<
        Array<{
          type: string;
          empty: boolean;
          valid: boolean;
          reason: string;
          km2: number | null;
          in_range: boolean;
          lat: number | null;
          lng: number | null;
        }>
      >(
        `WITH g AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS geom)
         SELECT GeometryType(geom) AS type, ST_IsEmpty(geom) AS empty, ST_IsValid(geom) AS valid,
                ST_IsValidReason(geom) AS reason,
                CASE WHEN ST_IsValid(geom) AND NOT ST_IsEmpty(geom) THEN ST_Area(geom::geography) / 1e6 END AS km2,
                (ST_XMin(geom) >= -180 AND ST_XMax(geom) <= 180 AND ST_YMin(geom) >= -90 AND ST_YMax(geom) <= 90) AS in_range,
                CASE WHEN ST_IsValid(geom) AND NOT ST_IsEmpty(geom) THEN ST_Y(ST_PointOnSurface(geom)) END AS lat,
                CASE WHEN ST_IsValid(geom) AND NOT ST_IsEmpty(geom) THEN ST_X(ST_PointOnSurface(geom)) END AS lng
           FROM g`,
        [geojson],
      );
      const r = rows[0]!;
      return {
        type: r.type,
        empty: r.empty,
        valid: r.valid,
        reason: r.reason,
        areaKm2: Number(r.km2 ?? 0),
        inRange: r.in_range ?? false,
        inside:
          r.lat === null || r.lng === null ? null : { lat: Number(r.lat), lng: Number(r.lng) },
      };
    } catch (err) {
      return { error: (err as Error).message };
    }
  }

  /** Whether the neighbourhood's polygon overlaps the town's boundary. */
  async intersects(boundary: string, part: string): Promise<boolean> {
    const [row] = await this.ds.query<Array<{ ok: boolean }>>(
      `SELECT ST_Intersects(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), ST_SetSRID(ST_GeomFromGeoJSON($2), 4326)) AS ok`,
      [boundary, part],
    );
    return row?.ok ?? false;
  }

  async slugOrInseeTaken(slug: string, insee: string): Promise<'slug' | 'insee' | null> {
    const rows = await this.ds.query<Array<{ slug: string; insee_code: string }>>(
      `SELECT slug, insee_code FROM municipalities WHERE slug = $1 OR insee_code = $2`,
      [slug, insee],
    );
    if (rows.some((r) => r.insee_code === insee)) return 'insee';
    return rows.length > 0 ? 'slug' : null;
  }

  async emailTaken(email: string): Promise<boolean> {
    const rows = await this.ds.query<unknown[]>(`SELECT 1 FROM users WHERE email = $1`, [email]);
    return rows.length > 0;
  }

  /** Inserts the town (its town hall organisation comes with it: trigger), as a MultiPolygon. */
  async insertTown(
    m: EntityManager,
    t: {
      slug: string;
      name: string;
      insee: string;
      boundary: string;
      centre: { lat: number; lng: number };
      branding: { primaryColor: string; tagline: string | null };
      settings: MunicipalitySettings;
    },
  ): Promise<string> {
    const [row] = await m.query<Array<{ id: string }>>(
      `INSERT INTO municipalities (slug, name, insee_code, boundary, centre, branding, settings)
       VALUES ($1, $2, $3, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($4), 4326)),
               ST_SetSRID(ST_MakePoint($5, $6), 4326)::geography, $7, $8)
       RETURNING id`,
      [
        t.slug,
        t.name,
        t.insee,
        t.boundary,
        t.centre.lng,
        t.centre.lat,
        JSON.stringify(t.branding),
        JSON.stringify(t.settings),
      ],
    );
    return row!.id;
  }

  async insertNeighbourhood(m: EntityManager, townId: string, name: string, geojson: string) {
    await m.query(
      `INSERT INTO municipality_neighbourhoods (municipality_id, name, boundary)
       VALUES ($1, $2, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($3), 4326)))`,
      [townId, name, geojson],
    );
  }

  /** The town hall's public address, the town's name until staff set the real one. */
  async setTownHallAddress(m: EntityManager, townId: string, address: string): Promise<void> {
    await m.query(
      `UPDATE organisations SET address = $2 WHERE municipality_id = $1 AND kind = 'town_hall'`,
      [townId, address],
    );
  }

  /** The first staff account: staff and moderator of its town, living at the town centre. */
  async insertStaff(
    m: EntityManager,
    s: {
      id: string;
      townId: string;
      email: string;
      displayName: string;
      passwordHash: string;
      home: { lat: number; lng: number };
      publicHome: { lat: number; lng: number };
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO users (id, email, password_hash, display_name, municipality_id, home_point, home_public_point)
       VALUES ($1, $2, $3, $4, $5, ST_SetSRID(ST_MakePoint($6, $7), 4326)::geography,
               ST_SetSRID(ST_MakePoint($8, $9), 4326)::geography)`,
      [
        s.id,
        s.email,
        s.passwordHash,
        s.displayName,
        s.townId,
        s.home.lng,
        s.home.lat,
        s.publicHome.lng,
        s.publicHome.lat,
      ],
    );
    for (const role of ['resident', 'staff', 'moderator']) {
      await m.query(`INSERT INTO user_roles (user_id, municipality_id, role) VALUES ($1, $2, $3)`, [
        s.id,
        s.townId,
        role,
      ]);
    }
  }

  async insertResetToken(m: EntityManager, userId: string, tokenHash: string, expiresAt: Date) {
    await m.query(
      `INSERT INTO account_tokens (user_id, purpose, token_hash, expires_at) VALUES ($1, 'password_reset', $2, $3)`,
      [userId, tokenHash, expiresAt],
    );
  }
}
