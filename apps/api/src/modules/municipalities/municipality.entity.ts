import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { MultiPolygon, Point } from 'typeorm';
import type { MunicipalitySettings } from '@partagora/domain';

export interface MunicipalityBranding {
  primaryColor: string;
  tagline: string | null;
}

/** A partner town: the tenant every resident, listing and post belongs to. */
@Entity('municipalities')
export class MunicipalityEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_municipalities_slug', { unique: true })
  @Column({ type: 'varchar', length: 80 })
  slug!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Index('uq_municipalities_insee_code', { unique: true })
  @Column({ name: 'insee_code', type: 'varchar', length: 5 })
  inseeCode!: string;

  @Index('ix_municipalities_boundary', { spatial: true })
  @Column({ type: 'geometry', spatialFeatureType: 'MultiPolygon', srid: 4326 })
  boundary!: MultiPolygon;

  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326 })
  centre!: Point;

  @Column({ type: 'jsonb' })
  branding!: MunicipalityBranding;

  @Column({ type: 'jsonb' })
  settings!: MunicipalitySettings;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
