import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Erasure (`DELETE /me`): a former member keeps their row without a home; erased messages. */
export class AccountErasure1796250000000 implements MigrationInterface {
  name = 'AccountErasure1796250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "users" ALTER COLUMN "home_point" DROP NOT NULL`);
    await q.query(`ALTER TABLE "users" ALTER COLUMN "home_public_point" DROP NOT NULL`);
    await q.query(`ALTER TABLE "messages" ADD "erased" boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "messages" DROP COLUMN "erased"`);
    // Former members have no home any more: their rows cannot go back under NOT NULL.
    await q.query(`DELETE FROM "users" WHERE "erased_at" IS NOT NULL`);
    await q.query(`ALTER TABLE "users" ALTER COLUMN "home_public_point" SET NOT NULL`);
    await q.query(`ALTER TABLE "users" ALTER COLUMN "home_point" SET NOT NULL`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "erased_at"`);
  }
}
