import { createHash } from 'node:crypto';
import type { LatLng } from '@partagora/geo';
import type { DataSource, EntityManager } from 'typeorm';

/** SQL for a geography point from `$n` (lng) and `$n+1` (lat) parameters. */
export const geogPoint = (lngParam: number, latParam: number) =>
  `ST_SetSRID(ST_MakePoint($${lngParam}, $${latParam}), 4326)::geography`;

/** Reads a `{lat, lng}` from columns selected as `ST_Y(x::geometry) AS <p>_lat, ST_X(...) AS <p>_lng`. */
export function latLngFrom(row: Record<string, unknown>, prefix: string): LatLng {
  return {
    lat: Number(row[`${prefix}_lat`]),
    lng: Number(row[`${prefix}_lng`]),
  };
}

/** `ST_Y(col::geometry) AS p_lat, ST_X(col::geometry) AS p_lng` (casts in SELECT, never in WHERE). */
export const selectLatLng = (column: string, prefix: string) =>
  `ST_Y(${column}::geometry) AS ${prefix}_lat, ST_X(${column}::geometry) AS ${prefix}_lng`;

/**
 * Whether `err` is PostgreSQL's unique (23505) or exclusion (23P01) violation on the named
 * constraint or index: the database settles races, the service names the outcome.
 */
export function isConstraintViolation(err: unknown, constraint: string): boolean {
  const e = err as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const pg = e?.driverError ?? e;
  return (pg?.code === '23505' || pg?.code === '23P01') && pg.constraint === constraint;
}

/** PostgreSQL's deadlock (40P01) and serialization failure (40001): the transaction may be re-run. */
export function isRetryableConflict(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return code === '40P01' || code === '40001';
}

/**
 * Runs `work` in a transaction, re-running it (at most `attempts` times in all, with a short random
 * pause) when PostgreSQL aborted it as a deadlock victim or a serialization failure. A safety net
 * only: writers take their locks in one order (listing, then exchange) so deadlocks should not occur.
 */
export async function transactionWithRetry<T>(
  ds: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  attempts = 3,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ds.transaction(work);
    } catch (err) {
      if (attempt >= attempts || !isRetryableConflict(err)) throw err;
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
    }
  }
}

interface PgPool {
  query<R>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: R[] }>;
}

/**
 * Runs a read-only hot-path query as a named prepared statement of the driver (parsed and planned
 * once per connection instead of once per call; docs/decisions/0016). The name is derived from
 * the text, so each distinct SQL text gets its own statement. Outside a transaction only.
 */
export async function preparedQuery<R>(
  ds: DataSource,
  text: string,
  values: unknown[],
): Promise<R[]> {
  let name = statementNames.get(text);
  if (!name) {
    name = `p_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    statementNames.set(text, name);
  }
  const pool = (ds.driver as unknown as { master?: PgPool } | undefined)?.master;
  if (!pool) return ds.query<R[]>(text, values);
  const res = await pool.query<R>({ name, text, values });
  return res.rows;
}

const statementNames = new Map<string, string>();
