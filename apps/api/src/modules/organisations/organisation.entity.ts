import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Point } from 'typeorm';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { UserEntity } from '../users/user.entity';

export type OrganisationKind = 'town_hall' | 'shop' | 'association';
export type OrganisationStatus = 'pending' | 'verified';
export type OrganisationMemberRole = 'admin' | 'member';

/**
 * A town hall, shop or association of one town (DESIGN.md §3). Its address and location are
 * public (unlike a resident's home). The town hall is created with its town (migration trigger).
 */
@Entity('organisations')
@Index('ix_organisations_town', ['municipalityId', 'status', 'name'])
@Index('uq_organisations_town_hall', ['municipalityId'], {
  unique: true,
  where: `kind = 'town_hall'`,
})
@Check('ck_organisations_kind', `kind IN ('town_hall', 'shop', 'association')`)
@Check('ck_organisations_status', `status IN ('pending', 'verified')`)
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'municipality_id',
    foreignKeyConstraintName: 'fk_organisations_municipality',
  })
  municipality?: MunicipalityEntity;

  @Column({ type: 'varchar', length: 15 })
  kind!: OrganisationKind;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status!: OrganisationStatus;

  @Column({ type: 'varchar', length: 300 })
  address!: string;

  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326 })
  location!: Point;

  @Column({ name: 'opening_hours', type: 'jsonb', nullable: true })
  openingHours!: unknown;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'logo_photo_id', type: 'uuid', nullable: true })
  logoPhotoId!: string | null;

  @Column({ name: 'handover_point', type: 'boolean', default: false })
  handoverPoint!: boolean;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_organisations_creator' })
  creator?: UserEntity;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  @Column({ name: 'verified_by', type: 'uuid', nullable: true })
  verifiedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'verified_by', foreignKeyConstraintName: 'fk_organisations_verifier' })
  verifier?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A member of an organisation; admins may publish its events and manage it. */
@Entity('organisation_members')
@Index('ix_organisation_members_user', ['userId'])
@Check('ck_organisation_members_role', `role IN ('admin', 'member')`)
export class OrganisationMemberEntity {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 10 })
  role!: OrganisationMemberRole;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_organisation_members_organisation',
  })
  organisation?: OrganisationEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_organisation_members_user' })
  user?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
