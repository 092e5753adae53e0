import { Injectable } from '@nestjs/common';
import {
  type AddressKind,
  type AddressQuery,
  type AddressRecord,
  type GeocodeResult,
  normaliseAddressText,
} from '@partagora/domain';
import type { LatLng } from '@partagora/geo';
import { DataSource, type EntityManager } from 'typeorm';

/** Rows written per INSERT at import. */
const BATCH = 1000;

/** A reverse-geocoding answer: the address text and what it is (a house number or a street). */
export interface NearestAddress {
  label: string;
  kind: AddressKind;
  distanceM: number;
}

/** All SQL of the address base. */
@Injectable()
export class AddressesRepository {
  constructor(private readonly ds: DataSource) {}

  /** The town an import is for (the CLI runs without the municipalities module). */
  async townBySlug(slug: string): Promise<{ id: string; inseeCode: string } | null> {
    const rows = await this.ds.query<Array<{ id: string; insee_code: string }>>(
      `SELECT id, insee_code FROM municipalities WHERE slug = $1`,
      [slug],
    );
    return rows[0] ? { id: rows[0].id, inseeCode: rows[0].insee_code } : null;
  }

  /**
   * Replaces the town's address base with `rows`, in the caller's transaction: an import is the
   * whole file, so running it again leaves the same rows.
   */
  async replaceTown(
    manager: EntityManager,
    municipalityId: string,
    rows: AddressRecord[],
  ): Promise<number> {
    await manager.query(`DELETE FROM addresses WHERE municipality_id = $1`, [municipalityId]);
    // A BAN file may repeat an id (a number moved): the last line wins.
    const unique = [...new Map(rows.map((r) => [r.banId, r])).values()];
    for (let i = 0; i < unique.length; i += BATCH) {
      const chunk = unique.slice(i, i + BATCH);
      await manager.query(
        `INSERT INTO addresses (municipality_id, ban_id, kind, housenumber, street, postcode, city, label, street_text, location)
         SELECT $1, v.ban_id, v.kind, v.housenumber, v.street, v.postcode, v.city, v.label, v.street_text,
                ST_SetSRID(ST_MakePoint(v.lng, v.lat), 4326)::geography
           FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                       $10::float8[], $11::float8[])
             AS v(ban_id, kind, housenumber, street, postcode, city, label, street_text, lng, lat)`,
        [
          municipalityId,
          chunk.map((r) => r.banId),
          chunk.map((r) => r.kind),
          chunk.map((r) => r.housenumber),
          chunk.map((r) => r.street),
          chunk.map((r) => r.postcode),
          chunk.map((r) => r.city),
          chunk.map((r) => r.label),
          chunk.map((r) => normaliseAddressText(r.street)),
          chunk.map((r) => r.location.lng),
          chunk.map((r) => r.location.lat),
        ],
      );
    }
    return unique.length;
  }

  /**
   * Suggestions for a query in one town, best first. Street words match by prefix or trigram
   * similarity (`pg_trgm`: typos and missing words); a query with a house number ranks that
   * number of the matching streets first, then the streets themselves (the number may be
   * missing from the base); a query without one searches streets and localities only, so
   * "rue thiers" does not list every number of the street.
   */
  async search(municipalityId: string, q: AddressQuery, limit: number): Promise<GeocodeResult[]> {
    if (q.text.length < 2) return [];
    const rows = await this.ds.query<
      Array<{ label: string; kind: AddressKind; lat: number; lng: number }>
    >(
      `SELECT label, kind, lat, lng FROM (
         SELECT a.label, a.kind, ST_Y(a.location::geometry) AS lat, ST_X(a.location::geometry) AS lng,
                a.street_text, a.housenumber,
                word_similarity($2, a.street_text)
                  + CASE WHEN a.street_text LIKE $4 || '%' THEN 0.5
                         WHEN a.street_text LIKE '% ' || $4 || '%' THEN 0.3 ELSE 0 END
                  + CASE WHEN $3::text IS NULL THEN 0
                         WHEN a.housenumber = $3 THEN 1
                         WHEN a.kind = 'street' THEN 0.2
                         ELSE 0 END AS score
           FROM addresses a
          WHERE a.municipality_id = $1
            AND (a.street_text LIKE '%' || $4 || '%' OR $2 <% a.street_text OR a.street_text % $2)
            AND (CASE WHEN $3::text IS NULL THEN a.kind <> 'housenumber'
                      ELSE a.kind <> 'housenumber' OR a.housenumber = $3 OR a.housenumber LIKE $3 || ' %' END)
       ) s
       ORDER BY score DESC, street_text, housenumber NULLS FIRST, label
       LIMIT $5`,
      [municipalityId, q.text, q.housenumber, escapeLike(q.text), limit],
    );
    return rows.map((r) => ({
      label: r.label,
      kind: r.kind,
      location: { lat: Number(r.lat), lng: Number(r.lng) },
    }));
  }

  /**
   * The address of a point: the nearest house number within `numberRadiusM` metres, else the
   * nearest street within `streetRadiusM`, else null. Server-side only (the hand-over).
   */
  async nearest(
    point: LatLng,
    numberRadiusM: number,
    streetRadiusM: number,
  ): Promise<NearestAddress | null> {
    const rows = await this.ds.query<
      Array<{ label: string; kind: AddressKind; distance_m: number }>
    >(
      `WITH p AS (SELECT ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography AS g)
       (SELECT a.label, a.kind, ST_Distance(a.location, p.g) AS distance_m FROM addresses a, p
         WHERE a.kind = 'housenumber' AND ST_DWithin(a.location, p.g, $3)
         ORDER BY a.location <-> p.g LIMIT 1)
       UNION ALL
       (SELECT a.label, a.kind, ST_Distance(a.location, p.g) AS distance_m FROM addresses a, p
         WHERE a.kind <> 'housenumber' AND ST_DWithin(a.location, p.g, $4)
         ORDER BY a.location <-> p.g LIMIT 1)`,
      [point.lng, point.lat, numberRadiusM, streetRadiusM],
    );
    const best = rows.find((r) => r.kind === 'housenumber') ?? rows[0];
    return best ? { label: best.label, kind: best.kind, distanceM: Number(best.distance_m) } : null;
  }
}

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
