import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReviewsAndBlocks1796200000000 implements MigrationInterface {
  name = 'ReviewsAndBlocks1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "reviews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "exchange_id" uuid NOT NULL, "author_id" uuid, "author_role" character varying(9) NOT NULL, "subject_id" uuid NOT NULL, "rating" smallint NOT NULL, "comment" character varying(1000), "revealed_at" TIMESTAMP WITH TIME ZONE, "hidden_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_reviews_author_role" CHECK (author_role IN ('owner', 'requester')), CONSTRAINT "ck_reviews_rating" CHECK (rating BETWEEN 1 AND 5), CONSTRAINT "PK_231ae565c273ee700b283f15c1d" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_reviews_author_id" ON "reviews"  ("author_id") `);
    await q.query(
      `CREATE INDEX "ix_reviews_subject_visible" ON "reviews"  ("subject_id", "created_at") WHERE revealed_at IS NOT NULL AND hidden_at IS NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_reviews_exchange_role" ON "reviews"  ("exchange_id", "author_role") `,
    );
    await q.query(
      `CREATE TABLE "user_blocks" ("blocker_id" uuid NOT NULL, "blocked_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_user_blocks_two_members" CHECK (blocker_id <> blocked_id), CONSTRAINT "pk_user_blocks" PRIMARY KEY ("blocker_id", "blocked_id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_user_blocks_blocked_blocker" ON "user_blocks"  ("blocked_id", "blocker_id") `,
    );
    await q.query(
      `ALTER TABLE "reviews" ADD CONSTRAINT "fk_reviews_exchange" FOREIGN KEY ("exchange_id") REFERENCES "exchanges"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "reviews" ADD CONSTRAINT "fk_reviews_author" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "reviews" ADD CONSTRAINT "fk_reviews_subject" FOREIGN KEY ("subject_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "user_blocks" ADD CONSTRAINT "fk_user_blocks_blocker" FOREIGN KEY ("blocker_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "user_blocks" ADD CONSTRAINT "fk_user_blocks_blocked" FOREIGN KEY ("blocked_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "user_blocks" DROP CONSTRAINT "fk_user_blocks_blocked"`);
    await q.query(`ALTER TABLE "user_blocks" DROP CONSTRAINT "fk_user_blocks_blocker"`);
    await q.query(`ALTER TABLE "reviews" DROP CONSTRAINT "fk_reviews_subject"`);
    await q.query(`ALTER TABLE "reviews" DROP CONSTRAINT "fk_reviews_author"`);
    await q.query(`ALTER TABLE "reviews" DROP CONSTRAINT "fk_reviews_exchange"`);
    await q.query(`DROP INDEX "public"."ix_user_blocks_blocked_blocker"`);
    await q.query(`DROP TABLE "user_blocks"`);
    await q.query(`DROP INDEX "public"."uq_reviews_exchange_role"`);
    await q.query(`DROP INDEX "public"."ix_reviews_subject_visible"`);
    await q.query(`DROP INDEX "public"."ix_reviews_author_id"`);
    await q.query(`DROP TABLE "reviews"`);
  }
}
