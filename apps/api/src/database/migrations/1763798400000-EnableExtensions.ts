import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Extensions and the French full-text configuration the schema relies on. `french_unaccent`
 * folds accents before stemming so "perceuse" finds "Perceuse à percussion" and "echelle" finds
 * "échelle".
 */
export class EnableExtensions1763798400000 implements MigrationInterface {
  name = 'EnableExtensions1763798400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS postgis`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(
      `CREATE TEXT SEARCH CONFIGURATION public.french_unaccent (COPY = pg_catalog.french)`,
    );
    await q.query(
      `ALTER TEXT SEARCH CONFIGURATION public.french_unaccent
         ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, pg_catalog.french_stem`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TEXT SEARCH CONFIGURATION IF EXISTS public.french_unaccent`);
  }
}
