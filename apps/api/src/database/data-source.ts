import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** One options object for the app, the migration tools and the tests. */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    // gen_random_uuid() is built into PostgreSQL ≥ 13: no uuid-ossp extension needed.
    uuidExtension: 'pgcrypto',
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    // Query logs would print parameters, exact coordinates among them (DESIGN.md §5): errors go
    // through the exception filter, which logs no parameters.
    logging: false,
    extra: {
      max: 20,
      application_name: 'partagora',
      // Parallel plans made nearest-listing queries 15–60× slower (STACK.md): off for our sessions
      // whatever the server's defaults (managed PostgreSQL included).
      // The typo-tolerant search's `<%` threshold (pg_trgm's default 0.6 misses one-letter
      // slips in short words such as "percseuse"; 0016).
      options: '-c max_parallel_workers_per_gather=0 -c pg_trgm.word_similarity_threshold=0.5',
    },
  };
}

export function createDataSource(databaseUrl: string): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl));
}
