import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tool library (items owned by an organisation, its hours, the condition noted at the desk,
 * waiting lists) and assisted mode (residents registered by staff, with their consent).
 */
export class ToolLibraryAndAssistedMode1796450000000 implements MigrationInterface {
  name = 'ToolLibraryAndAssistedMode1796450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "listings" ADD "owner_organisation_id" uuid`);
    await q.query(
      `CREATE INDEX "ix_listings_owner_organisation_id" ON "listings" ("owner_organisation_id") `,
    );
    await q.query(
      `ALTER TABLE "listings" ADD CONSTRAINT "fk_listings_owner_organisation" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(`ALTER TABLE "listings" DROP CONSTRAINT "ck_listings_auto_accept_owner"`);
    await q.query(
      `ALTER TABLE "listings" ADD CONSTRAINT "ck_listings_auto_accept_owner" CHECK (NOT auto_accept OR owner_organisation_id IS NOT NULL)`,
    );

    await q.query(
      `CREATE TABLE "library_settings" ("organisation_id" uuid NOT NULL, "slots" jsonb NOT NULL DEFAULT '[]', "closures" jsonb NOT NULL DEFAULT '[]', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "REL_library_settings_organisation" UNIQUE ("organisation_id"), CONSTRAINT "PK_library_settings" PRIMARY KEY ("organisation_id"))`,
    );
    await q.query(
      `ALTER TABLE "library_settings" ADD CONSTRAINT "fk_library_settings_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await q.query(
      `CREATE TABLE "exchange_conditions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "exchange_id" uuid NOT NULL, "stage" character varying(8) NOT NULL, "note" character varying(500) NOT NULL, "photo" jsonb, "recorded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_exchange_conditions_stage" CHECK (stage IN ('checkout', 'checkin')), CONSTRAINT "PK_exchange_conditions" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_exchange_conditions_stage" ON "exchange_conditions" ("exchange_id", "stage") `,
    );
    await q.query(
      `ALTER TABLE "exchange_conditions" ADD CONSTRAINT "fk_exchange_conditions_exchange" FOREIGN KEY ("exchange_id") REFERENCES "exchanges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "exchange_conditions" ADD CONSTRAINT "fk_exchange_conditions_recorder" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );

    await q.query(
      `CREATE TABLE "listing_waitlist" ("listing_id" uuid NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_listing_waitlist" PRIMARY KEY ("listing_id", "user_id"))`,
    );
    await q.query(`CREATE INDEX "ix_listing_waitlist_user" ON "listing_waitlist" ("user_id") `);
    await q.query(
      `ALTER TABLE "listing_waitlist" ADD CONSTRAINT "fk_listing_waitlist_listing" FOREIGN KEY ("listing_id") REFERENCES "listings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "listing_waitlist" ADD CONSTRAINT "fk_listing_waitlist_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await q.query(
      `CREATE TABLE "assisted_residents" ("user_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, "consent_at" TIMESTAMP WITH TIME ZONE NOT NULL, "consent_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "REL_assisted_residents_user" UNIQUE ("user_id"), CONSTRAINT "PK_assisted_residents" PRIMARY KEY ("user_id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_assisted_residents_town" ON "assisted_residents" ("municipality_id", "created_at") `,
    );
    await q.query(
      `ALTER TABLE "assisted_residents" ADD CONSTRAINT "fk_assisted_residents_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "assisted_residents" ADD CONSTRAINT "fk_assisted_residents_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "assisted_residents" ADD CONSTRAINT "fk_assisted_residents_consent_by" FOREIGN KEY ("consent_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "assisted_residents"`);
    await q.query(`DROP TABLE "listing_waitlist"`);
    await q.query(`DROP TABLE "exchange_conditions"`);
    await q.query(`DROP TABLE "library_settings"`);
    await q.query(`DELETE FROM "listings" WHERE "owner_organisation_id" IS NOT NULL`);
    await q.query(`ALTER TABLE "listings" DROP CONSTRAINT "ck_listings_auto_accept_owner"`);
    await q.query(
      `ALTER TABLE "listings" ADD CONSTRAINT "ck_listings_auto_accept_owner" CHECK (NOT auto_accept)`,
    );
    await q.query(`ALTER TABLE "listings" DROP CONSTRAINT "fk_listings_owner_organisation"`);
    await q.query(`DROP INDEX "public"."ix_listings_owner_organisation_id"`);
    await q.query(`ALTER TABLE "listings" DROP COLUMN "owner_organisation_id"`);
  }
}
