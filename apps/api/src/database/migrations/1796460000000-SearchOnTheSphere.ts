import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Nearest-first search on the unit sphere's chord (docs/decisions/0016): `listing_sphere_xyz`
 * maps a geography point to 3-D Cartesian coordinates on the sphere PostGIS measures on (mean
 * radius 6371008.7714 m). The straight-line (chord) distance between two such points is
 * 2R·sin(d/2R), strictly increasing with the sphere distance d, so ordering by it is ordering by
 * distance — on every longitude and latitude (Réunion, Guadeloupe, Polynesia, either side of the
 * antimeridian), with no per-region projection — and a planar n-D GiST answers it (`<<->>` KNN)
 * much more cheaply than the geography operators. The partial composite indexes keep the filters
 * inside, like the geography ones of 0002.
 */
export class SearchOnTheSphere1796460000000 implements MigrationInterface {
  name = 'SearchOnTheSphere1796460000000';

  async up(q: QueryRunner): Promise<void> {
    // Schema-qualified throughout and SQL (inlined by the planner, so index and queries agree).
    await q.query(`
      CREATE FUNCTION public.listing_sphere_xyz(p public.geography) RETURNS public.geometry
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT public.ST_MakePoint(
          6371008.7714 * cos(radians(public.ST_Y(public.geometry(p)))) * cos(radians(public.ST_X(public.geometry(p)))),
          6371008.7714 * cos(radians(public.ST_Y(public.geometry(p)))) * sin(radians(public.ST_X(public.geometry(p)))),
          6371008.7714 * sin(radians(public.ST_Y(public.geometry(p)))))
      $$`);
    await q.query(
      `CREATE INDEX ix_listings_available_sphere ON listings
         USING gist (public.listing_sphere_xyz(public_point) public.gist_geometry_ops_nd)
         WHERE status = 'available'`,
    );
    await q.query(
      `CREATE INDEX ix_listings_available_category_sphere ON listings
         USING gist (category, public.listing_sphere_xyz(public_point) public.gist_geometry_ops_nd)
         WHERE status = 'available'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_listings_available_category_sphere`);
    await q.query(`DROP INDEX IF EXISTS ix_listings_available_sphere`);
    await q.query(`DROP FUNCTION IF EXISTS public.listing_sphere_xyz(public.geography)`);
  }
}
