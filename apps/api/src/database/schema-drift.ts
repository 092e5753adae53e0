import type { DataSource } from 'typeorm';

/**
 * The SQL TypeORM would run to bring the database to the entities: empty when migrations and
 * entities agree. Used by `migration:generate` and by the drift test.
 */
export interface PendingQuery {
  query: string;
  parameters?: unknown[];
}

export async function pendingSchemaChanges(
  ds: DataSource,
): Promise<{ up: PendingQuery[]; down: PendingQuery[] }> {
  const log = await ds.driver.createSchemaBuilder().log();
  const plain = (q: PendingQuery): PendingQuery => ({
    query: q.query,
    parameters: q.parameters,
  });
  return { up: log.upQueries.map(plain), down: log.downQueries.map(plain) };
}
