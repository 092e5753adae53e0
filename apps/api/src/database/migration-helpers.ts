import type { QueryRunner } from 'typeorm';

/** The database a migration runs in (typeorm_metadata rows are keyed by it). */
export async function currentDatabase(q: QueryRunner): Promise<string> {
  const rows = (await q.query('SELECT current_database() AS db')) as Array<{ db: string }>;
  return rows[0]?.db ?? '';
}
