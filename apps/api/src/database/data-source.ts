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
      options: '-c max_parallel_workers_per_gather=0',
    },
  };
}

export function createDataSource(databaseUrl: string): DataSource {
  return new DataSource(dataSourceOptions(databaseUrl));
}
