import {
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
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { UserEntity } from '../users/user.entity';

/**
 * A collaborative place or project of a town (DESIGN.md §3 "Initiative"), classified by one of the
 * 30 practices of `libs/domain` (checked by the schema, not the table, so the list can grow). A
 * public place: its location is exact and public, like an organisation's address.
 */
@Entity('initiatives')
@Index('ix_initiatives_town', ['municipalityId', 'createdAt', 'id'])
export class InitiativeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_initiatives_municipality' })
  municipality?: MunicipalityEntity;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'varchar', length: 40 })
  practice!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Index('ix_initiatives_location', { spatial: true })
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326 })
  location!: Point;

  @Column({ type: 'varchar', length: 500, nullable: true })
  url!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_initiatives_creator' })
  creator?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
