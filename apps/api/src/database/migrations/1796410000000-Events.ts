import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events of a town and the members' answers (going, or waiting in arrival order). The capacity
 * is guarded by `going_count` and its CHECK: whatever the concurrency, no commit can leave more
 * members going than places.
 */
export class Events1796410000000 implements MigrationInterface {
  name = 'Events1796410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "title" character varying(150) NOT NULL, "description" text NOT NULL DEFAULT '', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "place_name" character varying(120) NOT NULL, "place_address" character varying(300) NOT NULL, "place_location" geography(Point,4326) NOT NULL, "capacity" integer, "going_count" integer NOT NULL DEFAULT '0', "image_photo_id" uuid, "created_by" uuid, "cancelled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_events_period" CHECK (ends_at > starts_at), CONSTRAINT "ck_events_capacity" CHECK (capacity IS NULL OR capacity > 0), CONSTRAINT "ck_events_going_count" CHECK (going_count >= 0 AND (capacity IS NULL OR going_count <= capacity)), CONSTRAINT "PK_events" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_events_place_location" ON "events" USING gist ("place_location") `,
    );
    await q.query(
      `CREATE INDEX "ix_events_town_start" ON "events" ("municipality_id", "starts_at", "id") `,
    );
    await q.query(
      `CREATE INDEX "ix_events_organisation_start" ON "events" ("organisation_id", "starts_at") `,
    );
    await q.query(
      `CREATE TABLE "event_rsvps" ("event_id" uuid NOT NULL, "user_id" uuid NOT NULL, "status" character varying(10) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "promoted_at" TIMESTAMP WITH TIME ZONE, "reminded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_event_rsvps_status" CHECK (status IN ('going', 'waiting')), CONSTRAINT "PK_event_rsvps" PRIMARY KEY ("event_id", "user_id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_event_rsvps_queue" ON "event_rsvps" ("event_id", "status", "created_at", "user_id") `,
    );
    await q.query(`CREATE INDEX "ix_event_rsvps_user" ON "event_rsvps" ("user_id") `);
    await q.query(
      `ALTER TABLE "events" ADD CONSTRAINT "fk_events_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "events" ADD CONSTRAINT "fk_events_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "events" ADD CONSTRAINT "fk_events_creator" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "event_rsvps" ADD CONSTRAINT "fk_event_rsvps_event" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "event_rsvps" ADD CONSTRAINT "fk_event_rsvps_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "event_rsvps"`);
    await q.query(`DROP TABLE "events"`);
  }
}
