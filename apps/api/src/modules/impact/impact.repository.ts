import { Injectable } from '@nestjs/common';
import { type ExchangeCount, type ExchangeKind, OPEN_DATA_GRID } from '@partagora/domain';
import { DataSource } from 'typeorm';

/**
 * Completed exchanges of a town in `[from, to)`, placed at their listing's PUBLIC point (never an
 * exact one): the common table of every query below. `$1` town, `$2` from, `$3` to.
 */
const COMPLETED = `
  SELECT e.id, e.kind, e.listing_id, e.owner_id, e.requester_id, e.completed_at, l.category, l.public_point
    FROM exchanges e JOIN listings l ON l.id = e.listing_id
   WHERE l.municipality_id = $1 AND e.status = 'completed'
     AND e.completed_at >= $2 AND e.completed_at < $3`;

/** Grid row and column of the fixed open-data grid, in exact decimal arithmetic. */
const CELL_ROW = `floor(ST_Y(c.public_point::geometry)::numeric / ${OPEN_DATA_GRID.latStepDeg})::int`;
const CELL_COL = `floor(ST_X(c.public_point::geometry)::numeric / ${OPEN_DATA_GRID.lngStepDeg})::int`;

export interface OpenDataRow {
  month: string;
  kind: ExchangeKind;
  category: string;
  row: number;
  col: number;
  exchanges: number;
}

/** The impact figures and open data, counted in SQL from completed exchanges. */
@Injectable()
export class ImpactRepository {
  constructor(private readonly ds: DataSource) {}

  /** Completed exchanges by category and kind. */
  counts(townId: string, from: Date, to: Date): Promise<ExchangeCount[]> {
    return this.ds.query(
      `WITH c AS (${COMPLETED})
       SELECT c.category, c.kind, count(*)::int AS count FROM c GROUP BY 1, 2 ORDER BY 1, 2`,
      [townId, from, to],
    );
  }

  /** Distinct listings lent and given. */
  async items(townId: string, from: Date, to: Date): Promise<{ lent: number; given: number }> {
    const [row] = await this.ds.query<Array<{ lent: number; given: number }>>(
      `WITH c AS (${COMPLETED})
       SELECT (count(DISTINCT c.listing_id) FILTER (WHERE c.kind = 'loan'))::int AS lent,
              (count(DISTINCT c.listing_id) FILTER (WHERE c.kind = 'gift'))::int AS given FROM c`,
      [townId, from, to],
    );
    return row ?? { lent: 0, given: 0 };
  }

  /** Completed exchanges per UTC month and kind. */
  monthly(
    townId: string,
    from: Date,
    to: Date,
  ): Promise<Array<{ month: string; kind: ExchangeKind; count: number }>> {
    return this.ds.query(
      `WITH c AS (${COMPLETED})
       SELECT to_char(c.completed_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, c.kind, count(*)::int AS count
         FROM c GROUP BY 1, 2 ORDER BY 1, 2`,
      [townId, from, to],
    );
  }

  /** Grid cells holding at least `min` completed exchanges. */
  cells(
    townId: string,
    from: Date,
    to: Date,
    min: number,
  ): Promise<Array<{ row: number; col: number; exchanges: number }>> {
    return this.ds.query(
      `WITH c AS (${COMPLETED})
       SELECT ${CELL_ROW} AS row, ${CELL_COL} AS col, count(*)::int AS exchanges
         FROM c GROUP BY 1, 2 HAVING count(*) >= $4 ORDER BY 1, 2`,
      [townId, from, to, min],
    );
  }

  /** The town's neighbourhoods holding at least `min` completed exchanges (by public point). */
  neighbourhoods(
    townId: string,
    from: Date,
    to: Date,
    min: number,
  ): Promise<Array<{ id: string; name: string; exchanges: number; geometry: unknown }>> {
    return this.ds.query(
      `WITH c AS (${COMPLETED})
       SELECT n.id, n.name, count(c.id)::int AS exchanges, ST_AsGeoJSON(n.boundary, 6)::json AS geometry
         FROM municipality_neighbourhoods n
         JOIN c ON ST_Covers(n.boundary, c.public_point::geometry)
        WHERE n.municipality_id = $1
        GROUP BY n.id HAVING count(c.id) >= $4 ORDER BY n.name`,
      [townId, from, to, min],
    );
  }

  /**
   * Members at `to` (accounts not erased), and the active ones: party to a completed exchange of
   * the period, or author of a listing published in it.
   */
  async members(
    townId: string,
    from: Date,
    to: Date,
  ): Promise<{ members: number; activeMembers: number }> {
    const [row] = await this.ds.query<Array<{ members: number; active: number }>>(
      `WITH c AS (${COMPLETED}),
            active AS (
              SELECT owner_id AS id FROM c UNION SELECT requester_id FROM c
              UNION SELECT owner_id FROM listings
                     WHERE municipality_id = $1 AND created_at >= $2 AND created_at < $3)
       SELECT (SELECT count(*) FROM users
                WHERE municipality_id = $1 AND erased_at IS NULL AND created_at < $3)::int AS members,
              (SELECT count(*) FROM users u JOIN active a ON a.id = u.id
                WHERE u.municipality_id = $1 AND u.erased_at IS NULL)::int AS active`,
      [townId, from, to],
    );
    return { members: row?.members ?? 0, activeMembers: row?.active ?? 0 };
  }

  /**
   * The open-data rows: completed exchanges by month, kind, category and grid cell, only the rows
   * counting at least `min` (the others are never read out of the database).
   */
  openDataRows(townId: string, from: Date, to: Date, min: number): Promise<OpenDataRow[]> {
    return this.ds.query(
      `WITH c AS (${COMPLETED})
       SELECT to_char(c.completed_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, c.kind, c.category,
              ${CELL_ROW} AS row, ${CELL_COL} AS col, count(*)::int AS exchanges
         FROM c GROUP BY 1, 2, 3, 4, 5 HAVING count(*) >= $4 ORDER BY 1, 2, 3, 4, 5`,
      [townId, from, to, min],
    );
  }

  /** When the town joined: the start of its all-time figures. */
  async townCreatedAt(townId: string): Promise<Date> {
    const [row] = await this.ds.query<Array<{ created_at: Date; first: Date | null }>>(
      `SELECT m.created_at,
              (SELECT min(e.completed_at) FROM exchanges e JOIN listings l ON l.id = e.listing_id
                WHERE l.municipality_id = m.id AND e.status = 'completed') AS first
         FROM municipalities m WHERE m.id = $1`,
      [townId],
    );
    const created = row?.created_at ?? new Date(0);
    return row?.first && row.first < created ? row.first : created;
  }
}
