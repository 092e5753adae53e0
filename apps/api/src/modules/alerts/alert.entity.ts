import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Point } from 'typeorm';
import type { ListingCategory, ListingKind } from '@partagora/domain';
import { UserEntity } from '../users/user.entity';

/** A saved search: a new listing whose public point falls in the circle and matches notifies. */
@Entity('alerts')
export class AlertEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_alerts_user_id')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_alerts_user' })
  user?: UserEntity;

  /** Private, like a home. */
  @Index('ix_alerts_centre', { spatial: true })
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326 })
  centre!: Point;

  /** Metres. */
  @Column({ type: 'integer' })
  radius!: number;

  @Column({ type: 'varchar', length: 10, nullable: true })
  kind!: ListingKind | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  category!: ListingCategory | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  q!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
