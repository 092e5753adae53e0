import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Initiatives (the town's collaborative places and projects, by practice) and the optional
 * neighbourhoods of a town (named polygons, for the impact map). docs/decisions/0018.
 */
export class InitiativesAndNeighbourhoods1796440000000 implements MigrationInterface {
  name = 'InitiativesAndNeighbourhoods1796440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "initiatives" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "name" character varying(120) NOT NULL, "practice" character varying(40) NOT NULL, "description" text NOT NULL DEFAULT '', "location" geography(Point,4326) NOT NULL, "url" character varying(500), "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_initiatives" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_initiatives_location" ON "initiatives" USING gist ("location") `,
    );
    await q.query(
      `CREATE INDEX "ix_initiatives_town" ON "initiatives" ("municipality_id", "created_at", "id") `,
    );
    await q.query(
      `CREATE TABLE "municipality_neighbourhoods" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "name" character varying(120) NOT NULL, "boundary" geometry(MultiPolygon,4326) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_municipality_neighbourhoods" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_municipality_neighbourhoods_boundary" ON "municipality_neighbourhoods" USING gist ("boundary") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_municipality_neighbourhoods_name" ON "municipality_neighbourhoods" ("municipality_id", "name") `,
    );
    await q.query(
      `ALTER TABLE "initiatives" ADD CONSTRAINT "fk_initiatives_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "initiatives" ADD CONSTRAINT "fk_initiatives_creator" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "municipality_neighbourhoods" ADD CONSTRAINT "fk_municipality_neighbourhoods_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "municipality_neighbourhoods"`);
    await q.query(`DROP TABLE "initiatives"`);
  }
}
