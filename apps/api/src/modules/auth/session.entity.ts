import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../users/user.entity';

/**
 * One signed-in device. The refresh token rotates on every use; only its SHA-256 is stored.
 * Presenting an already-rotated token revokes the session (token theft). Access tokens carry the
 * session id and die with it, so logout takes effect at once.
 */
@Entity('sessions')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_sessions_user_id')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_sessions_user' })
  user?: UserEntity;

  @Index('uq_sessions_refresh_hash', { unique: true })
  @Column({ name: 'refresh_hash', type: 'varchar', length: 64 })
  refreshHash!: string;

  /** Hash of the token this one replaced: presenting it again means the token was stolen. */
  @Index('ix_sessions_previous_hash')
  @Column({
    name: 'previous_hash',
    type: 'varchar',
    length: 64,
    nullable: true,
  })
  previousHash!: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
