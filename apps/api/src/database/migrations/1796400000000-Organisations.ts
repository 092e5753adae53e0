import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisations (town hall, shops, associations) and their members. Every town has exactly one
 * town hall organisation, created with the town by a trigger, so every way of creating a town
 * (seed, onboarding command, test factories) gets one; existing towns get theirs here.
 */
export class Organisations1796400000000 implements MigrationInterface {
  name = 'Organisations1796400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "organisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "kind" character varying(15) NOT NULL, "name" character varying(120) NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'pending', "address" character varying(300) NOT NULL, "location" geography(Point,4326) NOT NULL, "opening_hours" jsonb, "description" text, "logo_photo_id" uuid, "handover_point" boolean NOT NULL DEFAULT false, "created_by" uuid, "verified_at" TIMESTAMP WITH TIME ZONE, "verified_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_organisations_kind" CHECK (kind IN ('town_hall', 'shop', 'association')), CONSTRAINT "ck_organisations_status" CHECK (status IN ('pending', 'verified')), CONSTRAINT "PK_organisations" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_organisations_town" ON "organisations" ("municipality_id", "status", "name") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_organisations_town_hall" ON "organisations" ("municipality_id") WHERE kind = 'town_hall'`,
    );
    await q.query(
      `CREATE TABLE "organisation_members" ("organisation_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" character varying(10) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_organisation_members_role" CHECK (role IN ('admin', 'member')), CONSTRAINT "PK_organisation_members" PRIMARY KEY ("organisation_id", "user_id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_organisation_members_user" ON "organisation_members" ("user_id") `,
    );
    await q.query(
      `ALTER TABLE "organisations" ADD CONSTRAINT "fk_organisations_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "organisations" ADD CONSTRAINT "fk_organisations_creator" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "organisations" ADD CONSTRAINT "fk_organisations_verifier" FOREIGN KEY ("verified_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "organisation_members" ADD CONSTRAINT "fk_organisation_members_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "organisation_members" ADD CONSTRAINT "fk_organisation_members_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(`
      CREATE FUNCTION create_town_hall_organisation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO organisations (municipality_id, kind, name, status, address, location, verified_at)
        VALUES (NEW.id, 'town_hall', 'Mairie de ' || NEW.name, 'verified', 'Mairie, ' || NEW.name, NEW.centre, now())
        ON CONFLICT DO NOTHING;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER tr_municipalities_town_hall AFTER INSERT ON municipalities FOR EACH ROW EXECUTE FUNCTION create_town_hall_organisation()`,
    );
    await q.query(
      `INSERT INTO organisations (municipality_id, kind, name, status, address, location, verified_at)
       SELECT id, 'town_hall', 'Mairie de ' || name, 'verified', 'Mairie, ' || name, centre, now() FROM municipalities
       ON CONFLICT DO NOTHING`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tr_municipalities_town_hall ON municipalities`);
    await q.query(`DROP FUNCTION create_town_hall_organisation()`);
    await q.query(`DROP TABLE "organisation_members"`);
    await q.query(`DROP TABLE "organisations"`);
  }
}
