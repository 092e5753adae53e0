import type { MigrationInterface, QueryRunner } from 'typeorm';

export class VerificationAndAccount1796210000000 implements MigrationInterface {
  name = 'VerificationAndAccount1796210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "verification_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "code_hash" character varying(64) NOT NULL, "issued_by" uuid, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "used_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_18741b6b8bf1680dbf5057421d7" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_verification_codes_code_hash" ON "verification_codes"  ("code_hash") `,
    );
    await q.query(
      `CREATE INDEX "ix_verification_codes_issued_by" ON "verification_codes"  ("issued_by") `,
    );
    await q.query(
      `CREATE INDEX "ix_verification_codes_used_by" ON "verification_codes"  ("used_by") `,
    );
    await q.query(
      `CREATE INDEX "ix_verification_codes_municipality_created" ON "verification_codes"  ("municipality_id", "created_at") `,
    );
    await q.query(
      `CREATE TABLE "account_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" character varying(20) NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_account_tokens_purpose" CHECK (purpose IN ('email_confirmation', 'password_reset')), CONSTRAINT "PK_5e3640c493cc6206a44b885e6a9" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_account_tokens_token_hash" ON "account_tokens"  ("token_hash") `,
    );
    await q.query(
      `CREATE INDEX "ix_account_tokens_user_purpose" ON "account_tokens"  ("user_id", "purpose") `,
    );
    await q.query(`ALTER TABLE "users" ADD "verified_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "users" ADD "email_confirmed_at" TIMESTAMP WITH TIME ZONE`);
    // By hand: users already marked verified get a date before the check holds them to it.
    await q.query(
      `UPDATE "users" SET "verified_at" = "updated_at" WHERE verification = 'verified' AND verified_at IS NULL`,
    );
    await q.query(
      `ALTER TABLE "users" ADD CONSTRAINT "ck_users_verified_at" CHECK ((verification = 'verified') = (verified_at IS NOT NULL))`,
    );
    await q.query(
      `ALTER TABLE "verification_codes" ADD CONSTRAINT "fk_verification_codes_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "verification_codes" ADD CONSTRAINT "fk_verification_codes_issued_by" FOREIGN KEY ("issued_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "verification_codes" ADD CONSTRAINT "fk_verification_codes_used_by" FOREIGN KEY ("used_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "account_tokens" ADD CONSTRAINT "fk_account_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "account_tokens" DROP CONSTRAINT "fk_account_tokens_user"`);
    await q.query(
      `ALTER TABLE "verification_codes" DROP CONSTRAINT "fk_verification_codes_used_by"`,
    );
    await q.query(
      `ALTER TABLE "verification_codes" DROP CONSTRAINT "fk_verification_codes_issued_by"`,
    );
    await q.query(
      `ALTER TABLE "verification_codes" DROP CONSTRAINT "fk_verification_codes_municipality"`,
    );
    await q.query(`ALTER TABLE "users" DROP CONSTRAINT "ck_users_verified_at"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "email_confirmed_at"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "verified_at"`);
    await q.query(`DROP INDEX "public"."ix_account_tokens_user_purpose"`);
    await q.query(`DROP INDEX "public"."uq_account_tokens_token_hash"`);
    await q.query(`DROP TABLE "account_tokens"`);
    await q.query(`DROP INDEX "public"."ix_verification_codes_municipality_created"`);
    await q.query(`DROP INDEX "public"."ix_verification_codes_used_by"`);
    await q.query(`DROP INDEX "public"."ix_verification_codes_issued_by"`);
    await q.query(`DROP INDEX "public"."uq_verification_codes_code_hash"`);
    await q.query(`DROP TABLE "verification_codes"`);
  }
}
