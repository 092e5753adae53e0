import { Injectable } from '@nestjs/common';
import type { Municipality, MunicipalitySettings, MunicipalitySummary } from '@partagora/domain';
import type { LatLng } from '@partagora/geo';
import { DataSource } from 'typeorm';
import { latLngFrom, selectLatLng } from '../../common/sql';

interface MunicipalityRow extends Record<string, unknown> {
  id: string;
  slug: string;
  name: string;
  insee_code: string;
  branding: MunicipalitySummary['branding'];
  settings: MunicipalitySettings;
}

export interface MunicipalityRef {
  id: string;
  slug: string;
  /** The commune's INSEE code (the BAN's `code_insee`). */
  inseeCode: string;
  settings: MunicipalitySettings;
}

const SUMMARY_COLUMNS = `m.id, m.slug, m.name, m.insee_code, m.branding, m.settings, ${selectLatLng('m.centre', 'centre')}`;

function toSummary(row: MunicipalityRow): MunicipalitySummary {
  return {
    slug: row.slug,
    name: row.name,
    inseeCode: row.insee_code,
    centre: latLngFrom(row, 'centre'),
    branding: row.branding,
  };
}

@Injectable()
export class MunicipalitiesRepository {
  constructor(private readonly ds: DataSource) {}

  async list(): Promise<MunicipalitySummary[]> {
    const rows = await this.ds.query<MunicipalityRow[]>(
      `SELECT ${SUMMARY_COLUMNS} FROM municipalities m ORDER BY m.name`,
    );
    return rows.map(toSummary);
  }

  async findBySlug(slug: string): Promise<Municipality | null> {
    const rows = await this.ds.query<
      Array<
        MunicipalityRow & {
          boundary: Municipality['boundary'];
          residents: number;
          listings: number;
        }
      >
    >(
      `SELECT ${SUMMARY_COLUMNS}, ST_AsGeoJSON(m.boundary, 6)::json AS boundary,
              (SELECT count(*) FROM users u WHERE u.municipality_id = m.id)::int AS residents,
              (SELECT count(*) FROM listings l WHERE l.municipality_id = m.id AND l.status = 'available')::int AS listings
         FROM municipalities m WHERE m.slug = $1`,
      [slug],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      ...toSummary(row),
      boundary: row.boundary,
      settings: row.settings,
      stats: { residents: row.residents, listings: row.listings },
    };
  }

  async findRef(slug: string): Promise<MunicipalityRef | null> {
    const rows = await this.ds.query<MunicipalityRef[]>(
      `SELECT id, slug, insee_code AS "inseeCode", settings FROM municipalities WHERE slug = $1`,
      [slug],
    );
    return rows[0] ?? null;
  }

  /** The town's identity (id, slug, name, INSEE code) by slug; null for no partner town. */
  async findTown(
    slug: string,
  ): Promise<{ id: string; slug: string; name: string; inseeCode: string } | null> {
    const rows = await this.ds.query<
      Array<{ id: string; slug: string; name: string; insee_code: string }>
    >(`SELECT id, slug, name, insee_code FROM municipalities WHERE slug = $1`, [slug]);
    const r = rows[0];
    return r ? { id: r.id, slug: r.slug, name: r.name, inseeCode: r.insee_code } : null;
  }

  /** The town as its archive holds it: branding, settings, boundary and neighbourhoods (GeoJSON). */
  async forArchive(id: string): Promise<{
    town: Record<string, unknown>;
    neighbourhoods: Array<{ id: string; name: string; geometry: unknown }>;
  } | null> {
    const rows = await this.ds.query<Array<Record<string, unknown>>>(
      `SELECT slug, name, insee_code AS "inseeCode", branding, settings, created_at AS "createdAt",
              ${selectLatLng('centre', 'centre')}, ST_AsGeoJSON(boundary, 6)::json AS boundary
         FROM municipalities WHERE id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    const { centre_lat, centre_lng, ...town } = row;
    const neighbourhoods = await this.neighbourhoods(id);
    return { town: { ...town, centre: { lat: centre_lat, lng: centre_lng } }, neighbourhoods };
  }

  /** The town's neighbourhoods, by name, with their GeoJSON MultiPolygon. */
  async neighbourhoods(
    id: string,
  ): Promise<Array<{ id: string; name: string; geometry: unknown }>> {
    return this.ds.query(
      `SELECT id, name, ST_AsGeoJSON(boundary, 6)::json AS geometry
         FROM municipality_neighbourhoods WHERE municipality_id = $1 ORDER BY name`,
      [id],
    );
  }

  /**
   * Whether `point` lies inside the town or within `toleranceM` metres of its boundary (a
   * resident on the edge of town, or just outside it, still belongs there).
   */
  async isNear(municipalityId: string, point: LatLng, toleranceM: number): Promise<boolean> {
    const rows = await this.ds.query<Array<{ near: boolean }>>(
      `SELECT ST_DWithin(boundary::geography, ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography, $4) AS near
         FROM municipalities WHERE id = $1`,
      [municipalityId, point.lng, point.lat, toleranceM],
    );
    return rows[0]?.near ?? false;
  }
}
