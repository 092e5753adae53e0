import type { MigrationInterface, QueryRunner } from 'typeorm';
import { currentDatabase } from '../migration-helpers';

export class CreateSchema1795332509075 implements MigrationInterface {
  name = 'CreateSchema1795332509075';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "municipalities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(80) NOT NULL, "name" character varying(120) NOT NULL, "insee_code" character varying(5) NOT NULL, "boundary" geometry(MultiPolygon,4326) NOT NULL, "centre" geography(Point,4326) NOT NULL, "branding" jsonb NOT NULL, "settings" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9c4573349577306f221dda4d924" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_municipalities_slug" ON "municipalities"  ("slug") `);
    await q.query(
      `CREATE UNIQUE INDEX "uq_municipalities_insee_code" ON "municipalities"  ("insee_code") `,
    );
    await q.query(
      `CREATE INDEX "ix_municipalities_boundary" ON "municipalities" USING gist ("boundary") `,
    );
    await q.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "password_hash" character varying(200) NOT NULL, "display_name" character varying(60) NOT NULL, "municipality_id" uuid NOT NULL, "home_point" geography(Point,4326) NOT NULL, "home_public_point" geography(Point,4326) NOT NULL, "locale" character varying(2) NOT NULL DEFAULT 'fr', "verification" character varying(12) NOT NULL DEFAULT 'unverified', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_users_verification" CHECK (verification IN ('unverified', 'verified')), CONSTRAINT "ck_users_locale" CHECK (locale IN ('fr', 'en')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_users_email" ON "users"  ("email") `);
    await q.query(`CREATE INDEX "ix_users_municipality_id" ON "users"  ("municipality_id") `);
    await q.query(
      `CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "refresh_hash" character varying(64) NOT NULL, "previous_hash" character varying(64), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_sessions_user_id" ON "sessions"  ("user_id") `);
    await q.query(
      `CREATE UNIQUE INDEX "uq_sessions_refresh_hash" ON "sessions"  ("refresh_hash") `,
    );
    await q.query(`CREATE INDEX "ix_sessions_previous_hash" ON "sessions"  ("previous_hash") `);
    await q.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        await currentDatabase(q),
        'public',
        'listings',
        'GENERATED_COLUMN',
        'search_vector',
        "to_tsvector('public.french_unaccent', coalesce(title, '') || ' ' || coalesce(description, ''))",
      ],
    );
    await q.query(
      `CREATE TABLE "listings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "owner_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, "kind" character varying(10) NOT NULL, "category" character varying(20) NOT NULL, "title" character varying(120) NOT NULL, "description" text NOT NULL DEFAULT '', "condition" character varying(10), "status" character varying(10) NOT NULL DEFAULT 'available', "exact_point" geography(Point,4326) NOT NULL, "public_point" geography(Point,4326) NOT NULL, "loan_max_days" smallint NOT NULL DEFAULT '7', "loan_buffer_hours" smallint NOT NULL DEFAULT '2', "deposit_note" character varying(200), "auto_accept" boolean NOT NULL DEFAULT false, "barter_wishes" character varying(500), "photos" jsonb NOT NULL DEFAULT '[]'::jsonb, "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('public.french_unaccent', coalesce(title, '') || ' ' || coalesce(description, ''))) STORED NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_listings_loan_buffer_hours" CHECK (loan_buffer_hours BETWEEN 0 AND 168), CONSTRAINT "ck_listings_loan_max_days" CHECK (loan_max_days BETWEEN 1 AND 90), CONSTRAINT "ck_listings_status" CHECK (status IN ('available', 'reserved', 'given', 'swapped', 'paused', 'removed', 'hidden')), CONSTRAINT "ck_listings_kind" CHECK (kind IN ('lend', 'give', 'barter', 'wanted')), CONSTRAINT "PK_520ecac6c99ec90bcf5a603cdcb" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_listings_owner_id" ON "listings"  ("owner_id") `);
    await q.query(
      `CREATE TABLE "outbox_events" ("id" BIGSERIAL NOT NULL, "type" character varying(60) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "enqueued_at" TIMESTAMP WITH TIME ZONE, "processed_at" TIMESTAMP WITH TIME ZONE, "attempts" smallint NOT NULL DEFAULT '0', CONSTRAINT "PK_6689a16c00d09b8089f6237f1d2" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_outbox_events_unprocessed" ON "outbox_events"  ("id") WHERE processed_at IS NULL`,
    );
    await q.query(
      `CREATE TABLE "user_roles" ("user_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, "role" character varying(20) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_user_roles_role" CHECK (role IN ('resident', 'staff', 'moderator', 'admin')), CONSTRAINT "PK_15f97b491a6fc9114daf474bc08" PRIMARY KEY ("user_id", "municipality_id", "role"))`,
    );
    await q.query(
      `ALTER TABLE "users" ADD CONSTRAINT "fk_users_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "fk_sessions_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "listings" ADD CONSTRAINT "fk_listings_owner" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "listings" ADD CONSTRAINT "fk_listings_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "user_roles" ADD CONSTRAINT "fk_user_roles_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "user_roles" ADD CONSTRAINT "fk_user_roles_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Hand-written (declared with synchronize: false on the entity): nearest-first search with the
    // filters inside the index, and accent-folded French full text (STACK.md measurements).
    await q.query(
      `CREATE INDEX "ix_listings_available_public_point" ON "listings" USING gist ("public_point") WHERE status = 'available'`,
    );
    await q.query(
      `CREATE INDEX "ix_listings_available_category_public_point" ON "listings" USING gist ("category", "public_point") WHERE status = 'available'`,
    );
    await q.query(
      `CREATE INDEX "ix_listings_search_vector" ON "listings" USING gin ("search_vector")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "ix_listings_search_vector"`);
    await q.query(`DROP INDEX IF EXISTS "ix_listings_available_category_public_point"`);
    await q.query(`DROP INDEX IF EXISTS "ix_listings_available_public_point"`);
    await q.query(`ALTER TABLE "user_roles" DROP CONSTRAINT "fk_user_roles_municipality"`);
    await q.query(`ALTER TABLE "user_roles" DROP CONSTRAINT "fk_user_roles_user"`);
    await q.query(`ALTER TABLE "listings" DROP CONSTRAINT "fk_listings_municipality"`);
    await q.query(`ALTER TABLE "listings" DROP CONSTRAINT "fk_listings_owner"`);
    await q.query(`ALTER TABLE "sessions" DROP CONSTRAINT "fk_sessions_user"`);
    await q.query(`ALTER TABLE "users" DROP CONSTRAINT "fk_users_municipality"`);
    await q.query(`DROP TABLE "user_roles"`);
    await q.query(`DROP INDEX "public"."ix_outbox_events_unprocessed"`);
    await q.query(`DROP TABLE "outbox_events"`);
    await q.query(`DROP INDEX "public"."ix_listings_owner_id"`);
    await q.query(`DROP TABLE "listings"`);
    await q.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = $3 AND "schema" = $4 AND "table" = $5`,
      ['GENERATED_COLUMN', 'search_vector', await currentDatabase(q), 'public', 'listings'],
    );
    await q.query(`DROP INDEX "public"."ix_sessions_previous_hash"`);
    await q.query(`DROP INDEX "public"."uq_sessions_refresh_hash"`);
    await q.query(`DROP INDEX "public"."ix_sessions_user_id"`);
    await q.query(`DROP TABLE "sessions"`);
    await q.query(`DROP INDEX "public"."ix_users_municipality_id"`);
    await q.query(`DROP INDEX "public"."uq_users_email"`);
    await q.query(`DROP TABLE "users"`);
    await q.query(`DROP INDEX "public"."ix_municipalities_boundary"`);
    await q.query(`DROP INDEX "public"."uq_municipalities_insee_code"`);
    await q.query(`DROP INDEX "public"."uq_municipalities_slug"`);
    await q.query(`DROP TABLE "municipalities"`);
  }
}
