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
import type {
  ListingCategory,
  ListingCondition,
  ListingKind,
  ListingStatus,
} from '@partagora/domain';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { UserEntity } from '../users/user.entity';

export const LISTING_SEARCH_CONFIG = 'public.french_unaccent';

@Entity('listings')
@Check('ck_listings_kind', `kind IN ('lend', 'give', 'barter', 'wanted')`)
@Check(
  'ck_listings_status',
  `status IN ('available', 'reserved', 'given', 'swapped', 'fulfilled', 'paused', 'removed', 'hidden')`,
)
@Check('ck_listings_loan_max_days', `loan_max_days BETWEEN 1 AND 90`)
@Check('ck_listings_loan_buffer_hours', `loan_buffer_hours BETWEEN 0 AND 168`)
// Auto-accept is for organisations' listings (DESIGN.md §5): a tool library's, never a resident's.
@Check('ck_listings_auto_accept_owner', `NOT auto_accept OR owner_organisation_id IS NOT NULL`)
// Nearest-first search: partial GiST indexes with the filters inside (STACK.md). Created by hand in
// the migration (btree_gist composite), so TypeORM leaves them alone.
@Index('ix_listings_available_public_point', { synchronize: false })
@Index('ix_listings_available_category_public_point', { synchronize: false })
@Index('ix_listings_search_vector', { synchronize: false })
// Nearest-first candidates on the sphere's chord (n-D GiST on an expression; 0016).
@Index('ix_listings_available_sphere', { synchronize: false })
@Index('ix_listings_available_category_sphere', { synchronize: false })
// Typo-tolerant fallback of the text search (trigram GIN on the folded title; 0016).
@Index('ix_listings_title_trgm', { synchronize: false })
export class ListingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_listings_owner_id')
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'owner_id',
    foreignKeyConstraintName: 'fk_listings_owner',
  })
  owner?: UserEntity;

  /**
   * A tool-library item: the organisation that lends it (its place is the organisation's public
   * address). `owner_id` is then the staff member who registered it, the exchanges' owner party;
   * the organisation's staff act for it.
   */
  @Index('ix_listings_owner_organisation_id')
  @Column({ name: 'owner_organisation_id', type: 'uuid', nullable: true })
  ownerOrganisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'owner_organisation_id',
    foreignKeyConstraintName: 'fk_listings_owner_organisation',
  })
  ownerOrganisation?: OrganisationEntity;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'municipality_id',
    foreignKeyConstraintName: 'fk_listings_municipality',
  })
  municipality?: MunicipalityEntity;

  @Column({ type: 'varchar', length: 10 })
  kind!: ListingKind;

  @Column({ type: 'varchar', length: 20 })
  category!: ListingCategory;

  @Column({ type: 'varchar', length: 120 })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  condition!: ListingCondition | null;

  @Column({ type: 'varchar', length: 10, default: 'available' })
  status!: ListingStatus;

  /** The status a moderator's (or the report threshold's) hiding replaced, restored after. */
  @Column({ name: 'status_before_hidden', type: 'varchar', length: 10, nullable: true })
  statusBeforeHidden!: ListingStatus | null;

  /** Where the thing really is: private (DESIGN.md §5). */
  @Column({
    name: 'exact_point',
    type: 'geography',
    spatialFeatureType: 'Point',
    srid: 4326,
  })
  exactPoint!: Point;

  /** Exact point moved by the owner's offset for that place: every search, sort and cluster uses it. */
  @Column({
    name: 'public_point',
    type: 'geography',
    spatialFeatureType: 'Point',
    srid: 4326,
  })
  publicPoint!: Point;

  @Column({ name: 'loan_max_days', type: 'smallint', default: 7 })
  loanMaxDays!: number;

  @Column({ name: 'loan_buffer_hours', type: 'smallint', default: 2 })
  loanBufferHours!: number;

  @Column({
    name: 'deposit_note',
    type: 'varchar',
    length: 200,
    nullable: true,
  })
  depositNote!: string | null;

  @Column({ name: 'auto_accept', type: 'boolean', default: false })
  autoAccept!: boolean;

  @Column({
    name: 'barter_wishes',
    type: 'varchar',
    length: 500,
    nullable: true,
  })
  barterWishes!: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  photos!: Array<{ id: string; width: number; height: number }>;

  /** French full-text vector, accents folded; maintained by PostgreSQL. */
  @Column({
    name: 'search_vector',
    type: 'tsvector',
    generatedType: 'STORED',
    asExpression: `to_tsvector('${LISTING_SEARCH_CONFIG}', coalesce(title, '') || ' ' || coalesce(description, ''))`,
    select: false,
    insert: false,
    update: false,
  })
  searchVector?: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
