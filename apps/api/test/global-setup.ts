/** The integration tier runs against the services `npm test` starts (tools/test.mjs). */
export default function globalSetup(): void {
  if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
    throw new Error(
      'Integration tests need real PostgreSQL + PostGIS and Redis: run them with `npm test` ' +
        '(or `npm test -- api`), which starts them, or set DATABASE_URL and REDIS_URL to a migrated database.',
    );
  }
}
