import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Typo-tolerant fallback of the text search (docs/decisions/0016): when the full-text query finds
 * nothing, titles are matched by trigram word similarity ("percseuse" finds "Perceuse"), on the
 * folded (lower case, accents removed) title, through a partial GIN index.
 */
export class TrigramFallback1796460000001 implements MigrationInterface {
  name = 'TrigramFallback1796460000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // unaccent() is only STABLE (its dictionary could change); with the dictionary named it is
    // safe to index, the usual recipe.
    await q.query(`
      CREATE FUNCTION public.listing_fold(t text) RETURNS text
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT lower(public.unaccent('public.unaccent'::regdictionary, t))
      $$`);
    await q.query(
      `CREATE INDEX ix_listings_title_trgm ON listings
         USING gin (public.listing_fold(title) public.gin_trgm_ops) WHERE status = 'available'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_listings_title_trgm`);
    await q.query(`DROP FUNCTION IF EXISTS public.listing_fold(text)`);
  }
}
