import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
} from 'typeorm';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { UserEntity } from '../users/user.entity';

/**
 * A resident registered by the town's staff (no smartphone or e-mail), with the consent they gave
 * at the desk: when, and which staff member recorded it. The account has no password: only staff
 * act for it, with a short-lived act token (every request audited).
 */
@Entity('assisted_residents')
@Index('ix_assisted_residents_town', ['municipalityId', 'createdAt'])
export class AssistedResidentEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_assisted_residents_user' })
  user?: UserEntity;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'municipality_id',
    foreignKeyConstraintName: 'fk_assisted_residents_municipality',
  })
  municipality?: MunicipalityEntity;

  @Column({ name: 'consent_at', type: 'timestamptz' })
  consentAt!: Date;

  /** Null once that staff member's account is erased (the consent record stays). */
  @Column({ name: 'consent_by', type: 'uuid', nullable: true })
  consentBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'consent_by', foreignKeyConstraintName: 'fk_assisted_residents_consent_by' })
  consentStaff?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
