import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { UserEntity } from '../users/user.entity';

/**
 * A single-use town-hall code. Only the SHA-256 of the normalised code is kept (the code has 45
 * random bits and failures are rate limited, so a plain hash is enough); the plain code exists
 * only in the creation response and on the printed sheet.
 */
@Entity('verification_codes')
@Index('ix_verification_codes_municipality_created', ['municipalityId', 'createdAt'])
export class VerificationCodeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'municipality_id',
    foreignKeyConstraintName: 'fk_verification_codes_municipality',
  })
  municipality?: MunicipalityEntity;

  @Index('uq_verification_codes_code_hash', { unique: true })
  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash!: string;

  /** The staff member who issued it (kept null if that account is erased). */
  @Index('ix_verification_codes_issued_by')
  @Column({ name: 'issued_by', type: 'uuid', nullable: true })
  issuedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'issued_by', foreignKeyConstraintName: 'fk_verification_codes_issued_by' })
  issuer?: UserEntity;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Index('ix_verification_codes_used_by')
  @Column({ name: 'used_by', type: 'uuid', nullable: true })
  usedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'used_by', foreignKeyConstraintName: 'fk_verification_codes_used_by' })
  redeemer?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
