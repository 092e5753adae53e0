import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { NotificationKind } from '@partagora/domain';
import { UserEntity } from '../users/user.entity';

/**
 * One row per recipient and source event (unique), so a re-delivered event never notifies twice.
 * E-mail state is kept on the row: claimed and marked in the sending transaction.
 */
@Entity('notifications')
@Index('uq_notifications_source_user', ['sourceKey', 'userId'], { unique: true })
@Index('ix_notifications_user_created', ['userId', 'createdAt'])
@Index('ix_notifications_digest_pending', ['userId'], { where: `email_state = 'digest'` })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notifications_user' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 40 })
  kind!: NotificationKind;

  /** What caused it, e.g. `outbox:42` or `reminder:<exchange>:return_due`. */
  @Column({ name: 'source_key', type: 'varchar', length: 120 })
  sourceKey!: string;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  /** Shown in the app (the in-app channel can be turned off per kind). */
  @Column({ name: 'in_app', type: 'boolean', default: true })
  inApp!: boolean;

  /** `pending` (instant e-mail due), `digest` (waits for the daily digest), `sent`, `off`. */
  @Column({ name: 'email_state', type: 'varchar', length: 8, default: 'off' })
  emailState!: 'pending' | 'digest' | 'sent' | 'off';

  @Column({ name: 'emailed_at', type: 'timestamptz', nullable: true })
  emailedAt!: Date | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
