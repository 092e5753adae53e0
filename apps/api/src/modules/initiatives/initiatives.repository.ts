import { Injectable } from '@nestjs/common';
import type { Initiative } from '@partagora/domain';
import type { LatLng } from '@partagora/geo';
import { DataSource } from 'typeorm';
import { geogPoint, latLngFrom, selectLatLng } from '../../common/sql';

interface Row extends Record<string, unknown> {
  id: string;
  municipality_id: string;
  name: string;
  practice: string;
  description: string;
  url: string | null;
  created_at: Date;
  updated_at: Date;
  created_us: string;
}

const COLUMNS = `id, municipality_id, name, practice, description, url, created_at, updated_at,
  ${selectLatLng('location', 'location')},
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS created_us`;

export type InitiativeRow = Initiative & { municipalityId: string; createdUs: string };

const toInitiative = (r: Row): InitiativeRow => ({
  id: r.id,
  municipalityId: r.municipality_id,
  name: r.name,
  practice: r.practice,
  description: r.description,
  location: latLngFrom(r, 'location'),
  url: r.url,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  createdUs: r.created_us,
});

export interface InitiativeFields {
  name: string;
  practice: string;
  description: string;
  location: LatLng;
  url: string | null;
}

/** Only the initiatives module reads and writes `initiatives`. */
@Injectable()
export class InitiativesRepository {
  constructor(private readonly ds: DataSource) {}

  /** A town's initiatives, oldest first, keyset-paged on (created_at, id). */
  async list(
    municipalityId: string,
    opts: { practice?: string; limit: number; after: { createdAt: string; id: string } | null },
  ): Promise<InitiativeRow[]> {
    const rows = await this.ds.query<Row[]>(
      `SELECT ${COLUMNS} FROM initiatives
        WHERE municipality_id = $1
          AND ($2::text IS NULL OR practice = $2)
          AND ($3::timestamptz IS NULL OR (created_at, id) > (($3::timestamp AT TIME ZONE 'UTC'), $4::uuid))
        ORDER BY created_at, id
        LIMIT $5`,
      [
        municipalityId,
        opts.practice ?? null,
        opts.after?.createdAt.replace(/Z$/, '') ?? null,
        opts.after?.id ?? null,
        opts.limit,
      ],
    );
    return rows.map(toInitiative);
  }

  /** Every initiative of a town (open data, archive), oldest first. */
  async all(municipalityId: string): Promise<InitiativeRow[]> {
    const rows = await this.ds.query<Row[]>(
      `SELECT ${COLUMNS} FROM initiatives WHERE municipality_id = $1 ORDER BY created_at, id`,
      [municipalityId],
    );
    return rows.map(toInitiative);
  }

  async find(id: string): Promise<InitiativeRow | null> {
    const rows = await this.ds.query<Row[]>(`SELECT ${COLUMNS} FROM initiatives WHERE id = $1`, [
      id,
    ]);
    return rows[0] ? toInitiative(rows[0]) : null;
  }

  async insert(municipalityId: string, createdBy: string, f: InitiativeFields): Promise<string> {
    const rows = await this.ds.query<Array<{ id: string }>>(
      `INSERT INTO initiatives (municipality_id, created_by, name, practice, description, location, url)
       VALUES ($1, $2, $3, $4, $5, ${geogPoint(6, 7)}, $8) RETURNING id`,
      [
        municipalityId,
        createdBy,
        f.name,
        f.practice,
        f.description,
        f.location.lng,
        f.location.lat,
        f.url,
      ],
    );
    return rows[0]!.id;
  }

  /** Replaces every field (the service merged the change over the stored initiative). */
  async update(id: string, f: InitiativeFields): Promise<void> {
    await this.ds.query(
      `UPDATE initiatives SET name = $2, practice = $3, description = $4,
              location = ${geogPoint(5, 6)}, url = $7, updated_at = now()
        WHERE id = $1`,
      [id, f.name, f.practice, f.description, f.location.lng, f.location.lat, f.url],
    );
  }

  async delete(id: string): Promise<void> {
    await this.ds.query(`DELETE FROM initiatives WHERE id = $1`, [id]);
  }
}
