import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Point } from 'typeorm';
import type { AddressKind } from '@partagora/domain';
import { MunicipalityEntity } from '../municipalities/municipality.entity';

/**
 * A town's address base, imported from a BAN file (`cli addresses:import`): house numbers, and
 * one row per street at the centroid of its numbers. Public data (the national base is open);
 * it serves `GET /geocode` and the hand-over's reverse geocoding. Replaced as a whole per town.
 */
@Entity('addresses')
@Check('ck_addresses_kind', `kind IN ('housenumber', 'street', 'locality')`)
@Index('uq_addresses_municipality_ban_id', ['municipalityId', 'banId'], { unique: true })
// Trigram index on the folded street words (pg_trgm, gin_trgm_ops): created by hand in the
// migration, so TypeORM leaves it alone.
@Index('ix_addresses_street_text', { synchronize: false })
export class AddressEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_addresses_municipality' })
  municipality?: MunicipalityEntity;

  @Column({ name: 'ban_id', type: 'varchar', length: 60 })
  banId!: string;

  @Column({ type: 'varchar', length: 12 })
  kind!: AddressKind;

  /** Folded number and repetition (`12 bis`); null for streets and localities. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  housenumber!: string | null;

  @Column({ type: 'varchar', length: 200 })
  street!: string;

  @Column({ type: 'varchar', length: 5, nullable: true })
  postcode!: string | null;

  @Column({ type: 'varchar', length: 100 })
  city!: string;

  @Column({ type: 'varchar', length: 300 })
  label!: string;

  /** `normaliseAddressText(street)`: what queries are compared with (trigrams, prefix). */
  @Column({ name: 'street_text', type: 'varchar', length: 200 })
  streetText!: string;

  @Index('ix_addresses_location', { spatial: true })
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326 })
  location!: Point;
}
