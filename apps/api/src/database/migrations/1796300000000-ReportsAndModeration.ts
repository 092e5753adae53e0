import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportsAndModeration1796300000000 implements MigrationInterface {
  name = 'ReportsAndModeration1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD "suspended_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "messages" ADD "hidden_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "listings" ADD "status_before_hidden" character varying(10)`);
    await q.query(
      `CREATE TABLE "moderation_cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "target_type" character varying(10) NOT NULL, "target_id" uuid NOT NULL, "author_id" uuid, "status" character varying(10) NOT NULL DEFAULT 'open', "hidden" boolean NOT NULL DEFAULT false, "priority" boolean NOT NULL DEFAULT false, "report_count" integer NOT NULL DEFAULT '0', "resolution_action" character varying(10), "resolution_note" text, "resolved_by" uuid, "resolved_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_moderation_cases_resolution" CHECK (resolution_action IS NULL OR resolution_action IN ('dismiss', 'hide', 'restore', 'warn', 'suspend')), CONSTRAINT "ck_moderation_cases_status" CHECK (status IN ('open', 'resolved')), CONSTRAINT "ck_moderation_cases_target_type" CHECK (target_type IN ('listing', 'user', 'message', 'review')), CONSTRAINT "PK_moderation_cases" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_moderation_cases_queue" ON "moderation_cases" ("municipality_id", "status", "created_at", "id") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_moderation_cases_open_target" ON "moderation_cases" ("target_type", "target_id") WHERE status = 'open'`,
    );
    await q.query(
      `CREATE TABLE "reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "target_type" character varying(10) NOT NULL, "target_id" uuid NOT NULL, "reporter_id" uuid NOT NULL, "reason" character varying(15) NOT NULL, "comment" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_reports_reason" CHECK (reason IN ('spam', 'inappropriate', 'dangerous', 'fraud', 'other')), CONSTRAINT "ck_reports_target_type" CHECK (target_type IN ('listing', 'user', 'message', 'review')), CONSTRAINT "PK_reports" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_reports_case_id" ON "reports" ("case_id") `);
    await q.query(`CREATE INDEX "ix_reports_reporter_id" ON "reports" ("reporter_id") `);
    await q.query(
      `CREATE UNIQUE INDEX "uq_reports_reporter_target" ON "reports" ("target_type", "target_id", "reporter_id") `,
    );
    await q.query(
      `CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "actor_id" uuid, "action" character varying(30) NOT NULL, "target_type" character varying(20) NOT NULL, "target_id" uuid NOT NULL, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_audit_log" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_audit_log_town" ON "audit_log" ("municipality_id", "created_at", "id") `,
    );
    await q.query(
      `ALTER TABLE "moderation_cases" ADD CONSTRAINT "fk_moderation_cases_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "moderation_cases" ADD CONSTRAINT "fk_moderation_cases_author" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "moderation_cases" ADD CONSTRAINT "fk_moderation_cases_resolver" FOREIGN KEY ("resolved_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "reports" ADD CONSTRAINT "fk_reports_case" FOREIGN KEY ("case_id") REFERENCES "moderation_cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "reports" ADD CONSTRAINT "fk_reports_reporter" FOREIGN KEY ("reporter_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "audit_log" ADD CONSTRAINT "fk_audit_log_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "audit_log" ADD CONSTRAINT "fk_audit_log_actor" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "audit_log"`);
    await q.query(`DROP TABLE "reports"`);
    await q.query(`DROP TABLE "moderation_cases"`);
    await q.query(`ALTER TABLE "listings" DROP COLUMN "status_before_hidden"`);
    await q.query(`ALTER TABLE "messages" DROP COLUMN "hidden_at"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "suspended_at"`);
  }
}
