import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each town's address base (BAN import) for `GET /geocode` and the hand-over address, with
 * trigram matching (`pg_trgm`, `IF NOT EXISTS`: another migration may enable it too) on folded
 * street words; and a loan's proposed new dates waiting for the other party
 * (docs/decisions/0017-addresses-and-geocoding.md).
 */
export class Addresses1796430000000 implements MigrationInterface {
  name = 'Addresses1796430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(
      `CREATE TABLE "addresses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "ban_id" character varying(60) NOT NULL, "kind" character varying(12) NOT NULL, "housenumber" character varying(16), "street" character varying(200) NOT NULL, "postcode" character varying(5), "city" character varying(100) NOT NULL, "label" character varying(300) NOT NULL, "street_text" character varying(200) NOT NULL, "location" geography(Point,4326) NOT NULL, CONSTRAINT "ck_addresses_kind" CHECK (kind IN ('housenumber', 'street', 'locality')), CONSTRAINT "PK_addresses" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_addresses_municipality_ban_id" ON "addresses" ("municipality_id", "ban_id") `,
    );
    await q.query(`CREATE INDEX "ix_addresses_location" ON "addresses" USING gist ("location") `);
    await q.query(
      `CREATE INDEX "ix_addresses_street_text" ON "addresses" USING gin ("street_text" gin_trgm_ops)`,
    );
    await q.query(
      `ALTER TABLE "addresses" ADD CONSTRAINT "fk_addresses_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(`ALTER TABLE "exchanges" ADD "reschedule_period" tstzrange`);
    await q.query(`ALTER TABLE "exchanges" ADD "reschedule_by" character varying(9)`);
    await q.query(
      `ALTER TABLE "exchanges" ADD CONSTRAINT "ck_exchanges_reschedule" CHECK ((reschedule_period IS NULL) = (reschedule_by IS NULL) AND (reschedule_by IS NULL OR reschedule_by IN ('owner', 'requester')))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "exchanges" DROP CONSTRAINT "ck_exchanges_reschedule"`);
    await q.query(`ALTER TABLE "exchanges" DROP COLUMN "reschedule_by"`);
    await q.query(`ALTER TABLE "exchanges" DROP COLUMN "reschedule_period"`);
    await q.query(`DROP TABLE "addresses"`);
  }
}
