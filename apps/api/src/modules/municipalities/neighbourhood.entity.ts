import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { MultiPolygon } from 'typeorm';
import { MunicipalityEntity } from './municipality.entity';

/** A named part of a town (DESIGN.md §3 "optional neighbourhoods"), for the impact map. */
@Entity('municipality_neighbourhoods')
@Index('uq_municipality_neighbourhoods_name', ['municipalityId', 'name'], { unique: true })
export class NeighbourhoodEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'municipality_id',
    foreignKeyConstraintName: 'fk_municipality_neighbourhoods_municipality',
  })
  municipality?: MunicipalityEntity;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Index('ix_municipality_neighbourhoods_boundary', { spatial: true })
  @Column({ type: 'geometry', spatialFeatureType: 'MultiPolygon', srid: 4326 })
  boundary!: MultiPolygon;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
