import {
  Check,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { UserEntity } from '../users/user.entity';

/**
 * `blocker` blocked `blocked`. The primary key answers "did A block B", the reverse index "did B
 * block A": the listing searches test both with two index-only `NOT EXISTS` probes.
 */
@Entity('user_blocks')
@Check('ck_user_blocks_two_members', `blocker_id <> blocked_id`)
@Index('ix_user_blocks_blocked_blocker', ['blockedId', 'blockerId'])
export class UserBlockEntity {
  @PrimaryColumn({ name: 'blocker_id', type: 'uuid', primaryKeyConstraintName: 'pk_user_blocks' })
  blockerId!: string;

  @PrimaryColumn({ name: 'blocked_id', type: 'uuid', primaryKeyConstraintName: 'pk_user_blocks' })
  blockedId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'blocker_id', foreignKeyConstraintName: 'fk_user_blocks_blocker' })
  blocker?: UserEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'blocked_id', foreignKeyConstraintName: 'fk_user_blocks_blocked' })
  blocked?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
