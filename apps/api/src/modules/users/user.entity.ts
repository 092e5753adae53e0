import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Point } from 'typeorm';
import type { UserLocale, VerificationState } from '@partagora/domain';
import { MunicipalityEntity } from '../municipalities/municipality.entity';

@Entity('users')
@Check('ck_users_locale', `locale IN ('fr', 'en')`)
@Check('ck_users_verification', `verification IN ('unverified', 'verified')`)
@Check('ck_users_verified_at', `(verification = 'verified') = (verified_at IS NOT NULL)`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased (the schema lower-cases it), so a plain unique index is enough. */
  @Index('uq_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 200 })
  passwordHash!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 60 })
  displayName!: string;

  @Index('ix_users_municipality_id')
  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'municipality_id',
    foreignKeyConstraintName: 'fk_users_municipality',
  })
  municipality?: MunicipalityEntity;

  /** Exact home: private (DESIGN.md §5). Never leaves the API but to its owner. Null once erased. */
  @Column({
    name: 'home_point',
    type: 'geography',
    spatialFeatureType: 'Point',
    srid: 4326,
    nullable: true,
  })
  homePoint!: Point | null;

  /** Public approximation of the home, computed once from the owner, the home and the server secret. */
  @Column({
    name: 'home_public_point',
    type: 'geography',
    spatialFeatureType: 'Point',
    srid: 4326,
    nullable: true,
  })
  homePublicPoint!: Point | null;

  /**
   * Set by `DELETE /me`: the row stays (exchanges and reviews point at it) as a former member with
   * no e-mail, name, home or password (docs/decisions/0013-export-and-erasure.md).
   */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;

  @Column({ type: 'varchar', length: 2, default: 'fr' })
  locale!: UserLocale;

  @Column({ type: 'varchar', length: 12, default: 'unverified' })
  verification!: VerificationState;

  /** When a town-hall code proved residence; `verification` says the same (checked). */
  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  /** When the address was confirmed through the e-mailed link. */
  @Column({ name: 'email_confirmed_at', type: 'timestamptz', nullable: true })
  emailConfirmedAt!: Date | null;

  /** Per-kind, per-channel choices over the defaults (`effectivePreferences`). */
  @Column({ name: 'notification_prefs', type: 'jsonb', nullable: true })
  notificationPrefs!: Record<string, unknown> | null;

  /** Set by a moderator's `suspend`: no sign-in (403 ACCOUNT_SUSPENDED), sessions ended. */
  @Column({ name: 'suspended_at', type: 'timestamptz', nullable: true })
  suspendedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
