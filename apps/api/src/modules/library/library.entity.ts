import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { ConditionStage, OpeningSlot, StoredPhoto } from '@partagora/domain';
import { ExchangeEntity } from '../exchanges/exchange.entity';
import { ListingEntity } from '../listings/listing.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { UserEntity } from '../users/user.entity';

/**
 * A tool library's hours, per lending organisation: weekly slots and closure dates, Europe/Paris
 * wall-clock (`libs/domain` `library/opening-hours.ts`). Kept apart from `organisations.opening_hours`
 * (the organisation's displayed hours) so the loan rules read one validated shape.
 */
@Entity('library_settings')
export class LibrarySettingsEntity {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @OneToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_library_settings_organisation',
  })
  organisation?: OrganisationEntity;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  slots!: OpeningSlot[];

  @Column({ type: 'jsonb', default: () => `'[]'` })
  closures!: string[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** The condition of a lent item noted at the desk: at check-out (hand-over) and check-in (return). */
@Entity('exchange_conditions')
@Index('uq_exchange_conditions_stage', ['exchangeId', 'stage'], { unique: true })
@Check('ck_exchange_conditions_stage', `stage IN ('checkout', 'checkin')`)
export class ExchangeConditionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'exchange_id', type: 'uuid' })
  exchangeId!: string;

  @ManyToOne(() => ExchangeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'exchange_id', foreignKeyConstraintName: 'fk_exchange_conditions_exchange' })
  exchange?: ExchangeEntity;

  @Column({ type: 'varchar', length: 8 })
  stage!: ConditionStage;

  @Column({ type: 'varchar', length: 500 })
  note!: string;

  /** A re-encoded photo (listing photo pipeline), served by `/photos/:id/<rendition>.webp`. */
  @Column({ type: 'jsonb', nullable: true })
  photo!: StoredPhoto | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'fk_exchange_conditions_recorder' })
  recorder?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Members waiting for an item; told when it is returned (then taken off the list). */
@Entity('listing_waitlist')
@Index('ix_listing_waitlist_user', ['userId'])
export class ListingWaitlistEntity {
  @PrimaryColumn({ name: 'listing_id', type: 'uuid' })
  listingId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => ListingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'listing_id', foreignKeyConstraintName: 'fk_listing_waitlist_listing' })
  listing?: ListingEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_listing_waitlist_user' })
  user?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
