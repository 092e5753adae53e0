import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A fact to deliver, written in the same transaction as the change it announces (DESIGN.md §6).
 * The relay enqueues unprocessed rows with the row id as job id; the consumer marks them processed.
 */
@Entity('outbox_events')
@Index('ix_outbox_events_unprocessed', ['id'], {
  where: 'processed_at IS NULL',
})
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

  @Column({ type: 'smallint', default: 0 })
  attempts!: number;
}
