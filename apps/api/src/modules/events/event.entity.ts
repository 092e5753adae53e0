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
import type { RsvpStatus } from '@partagora/domain';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { UserEntity } from '../users/user.entity';

/**
 * An event of a town, organised by an organisation (the town hall or a verified shop or
 * association). `going_count` is the number of `going` answers, kept under the event's row lock;
 * the CHECK makes "capacity never exceeded" the database's guarantee, not only the service's.
 */
@Entity('events')
@Index('ix_events_town_start', ['municipalityId', 'startsAt', 'id'])
@Index('ix_events_organisation_start', ['organisationId', 'startsAt'])
@Check('ck_events_period', `ends_at > starts_at`)
@Check('ck_events_capacity', `capacity IS NULL OR capacity > 0`)
@Check(
  'ck_events_going_count',
  `going_count >= 0 AND (capacity IS NULL OR going_count <= capacity)`,
)
export class EventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_events_municipality' })
  municipality?: MunicipalityEntity;

  /** The organiser. */
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_events_organisation' })
  organisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 150 })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ name: 'place_name', type: 'varchar', length: 120 })
  placeName!: string;

  @Column({ name: 'place_address', type: 'varchar', length: 300 })
  placeAddress!: string;

  @Index('ix_events_place_location', { spatial: true })
  @Column({
    name: 'place_location',
    type: 'geography',
    spatialFeatureType: 'Point',
    srid: 4326,
  })
  placeLocation!: Point;

  /** Null: no limit. */
  @Column({ type: 'int', nullable: true })
  capacity!: number | null;

  @Column({ name: 'going_count', type: 'int', default: 0 })
  goingCount!: number;

  @Column({ name: 'image_photo_id', type: 'uuid', nullable: true })
  imagePhotoId!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_events_creator' })
  creator?: UserEntity;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * One member's answer to an event: `going`, or `waiting` in the order of `created_at` (the
 * instant the answer was taken under the event's lock, so the order is the order of arrival).
 * A cancelled answer is deleted.
 */
@Entity('event_rsvps')
@Index('ix_event_rsvps_queue', ['eventId', 'status', 'createdAt', 'userId'])
@Index('ix_event_rsvps_user', ['userId'])
@Check('ck_event_rsvps_status', `status IN ('going', 'waiting')`)
export class EventRsvpEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'fk_event_rsvps_event' })
  event?: EventEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_event_rsvps_user' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 10 })
  status!: RsvpStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When a waiting member got a freed place. */
  @Column({ name: 'promoted_at', type: 'timestamptz', nullable: true })
  promotedAt!: Date | null;

  /** When the day-before reminder went (reset when the event moves): never twice. */
  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt!: Date | null;
}
