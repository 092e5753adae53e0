import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Town news and alerts: posts, the browsers subscribed to a town's alerts (Web Push, no account
 * needed), and one delivery row per alert, recipient and channel (idempotence, reach figures).
 */
export class TownPosts1796420000000 implements MigrationInterface {
  name = 'TownPosts1796420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "posts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "created_by" uuid, "kind" character varying(12) NOT NULL, "title" character varying(160) NOT NULL, "body" text NOT NULL, "publish_at" TIMESTAMP WITH TIME ZONE NOT NULL, "unpublished_at" TIMESTAMP WITH TIME ZONE, "alert_dispatched_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_posts_kind" CHECK (kind IN ('news', 'announcement', 'works', 'alert')), CONSTRAINT "PK_posts" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_posts_town_publish" ON "posts" ("municipality_id", "publish_at", "id") `,
    );
    await q.query(
      `CREATE INDEX "ix_posts_alert_pending" ON "posts" ("publish_at") WHERE kind = 'alert' AND alert_dispatched_at IS NULL AND unpublished_at IS NULL`,
    );
    await q.query(
      `CREATE TABLE "push_subscriptions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "endpoint" character varying(1000) NOT NULL, "p256dh" character varying(200) NOT NULL, "auth" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "removed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_push_subscriptions" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_push_subscriptions_town_endpoint" ON "push_subscriptions" ("municipality_id", "endpoint") `,
    );
    await q.query(
      `CREATE TABLE "post_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_id" uuid NOT NULL, "channel" character varying(6) NOT NULL, "recipient_key" character varying(60) NOT NULL, "push_subscription_id" uuid, "notification_id" uuid, "token" character varying(43) NOT NULL, "state" character varying(10) NOT NULL DEFAULT 'queued', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "delivered_at" TIMESTAMP WITH TIME ZONE, "opened_at" TIMESTAMP WITH TIME ZONE, "opened_via" character varying(6), "last_error" text, CONSTRAINT "ck_post_deliveries_channel" CHECK (channel IN ('push', 'in_app', 'email')), CONSTRAINT "ck_post_deliveries_state" CHECK (state IN ('queued', 'delivered', 'failed', 'gone')), CONSTRAINT "PK_post_deliveries" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_post_deliveries_recipient" ON "post_deliveries" ("post_id", "channel", "recipient_key") `,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_post_deliveries_token" ON "post_deliveries" ("token") `);
    await q.query(
      `ALTER TABLE "posts" ADD CONSTRAINT "fk_posts_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "posts" ADD CONSTRAINT "fk_posts_creator" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "push_subscriptions" ADD CONSTRAINT "fk_push_subscriptions_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "post_deliveries" ADD CONSTRAINT "fk_post_deliveries_post" FOREIGN KEY ("post_id") REFERENCES "posts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "post_deliveries" ADD CONSTRAINT "fk_post_deliveries_push_subscription" FOREIGN KEY ("push_subscription_id") REFERENCES "push_subscriptions"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "post_deliveries" ADD CONSTRAINT "fk_post_deliveries_notification" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "post_deliveries"`);
    await q.query(`DROP TABLE "push_subscriptions"`);
    await q.query(`DROP TABLE "posts"`);
  }
}
