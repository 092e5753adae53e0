import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A fact to deliver, written in the same transaction as the change it announces (DESIGN.md §6).
 * The relay enqueues pending rows with the row id as job id; the consumer marks them processed.
 * A row whose delivery failed `OUTBOX_MAX_ATTEMPTS` times (or can never succeed: unknown type,
 * payload that does not fit) is dead: kept with its last error, never relayed again.
 */
@Entity('outbox_events')
@Index('ix_outbox_events_unprocessed', ['id'], {
  where: 'processed_at IS NULL AND dead_at IS NULL',
})
@Index('ix_outbox_events_dead', ['id'], { where: 'dead_at IS NOT NULL' })
@Check('ck_outbox_events_processed_or_dead', 'processed_at IS NULL OR dead_at IS NULL')
export class OutboxEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 60 })
  type!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'enqueued_at', type: 'timestamptz', nullable: true })
  enqueuedAt!: Date | null;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt!: Date | null;

  /** Delivery attempts: failed ones (counted outside the rolled-back transaction) and the last. */
  @Column({ type: 'smallint', default: 0 })
  attempts!: number;

  /** The error of the last failed attempt. */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  /** Set when the row is dead-lettered: it is no longer retried (`outbox:dead` lists them). */
  @Column({ name: 'dead_at', type: 'timestamptz', nullable: true })
  deadAt!: Date | null;
}
