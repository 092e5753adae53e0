import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxDeadLetters1796193380868 implements MigrationInterface {
  name = 'OutboxDeadLetters1796193380868';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "outbox_events" ADD "last_error" text`);
    await q.query(`ALTER TABLE "outbox_events" ADD "dead_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(
      `CREATE INDEX "ix_outbox_events_dead" ON "outbox_events"  ("id") WHERE dead_at IS NOT NULL`,
    );
    await q.query(
      `ALTER TABLE "outbox_events" ADD CONSTRAINT "ck_outbox_events_processed_or_dead" CHECK (processed_at IS NULL OR dead_at IS NULL)`,
    );
    // By hand: TypeORM does not compare an index's WHERE clause, so it generates nothing when the
    // entity's predicate changes. Dead rows leave the relay's index of pending rows.
    await q.query(`DROP INDEX "public"."ix_outbox_events_unprocessed"`);
    await q.query(
      `CREATE INDEX "ix_outbox_events_unprocessed" ON "outbox_events"  ("id") WHERE processed_at IS NULL AND dead_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."ix_outbox_events_unprocessed"`);
    await q.query(
      `CREATE INDEX "ix_outbox_events_unprocessed" ON "outbox_events"  ("id") WHERE processed_at IS NULL`,
    );
    await q.query(
      `ALTER TABLE "outbox_events" DROP CONSTRAINT "ck_outbox_events_processed_or_dead"`,
    );
    await q.query(`DROP INDEX "public"."ix_outbox_events_dead"`);
    await q.query(`ALTER TABLE "outbox_events" DROP COLUMN "dead_at"`);
    await q.query(`ALTER TABLE "outbox_events" DROP COLUMN "last_error"`);
  }
}
