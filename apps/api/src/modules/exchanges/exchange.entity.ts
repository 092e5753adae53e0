import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { ExchangeKind, ExchangeStatus } from '@partagora/domain';
import { ConversationEntity } from '../conversations/conversation.entity';
import { ListingEntity } from '../listings/listing.entity';
import { UserEntity } from '../users/user.entity';

/**
 * One agreement between two neighbours about a listing. Integrity lives here, not in hope:
 * - no two holding loans of a listing overlap (period plus buffer): exclusion constraint;
 * - at most one holding gift/swap/answer per listing: partial unique index;
 * - one open request per neighbour for a gift/swap/answer: partial unique index.
 */
@Entity('exchanges')
@Check('ck_exchanges_kind', `kind IN ('loan', 'gift', 'swap', 'answer')`)
@Check(
  'ck_exchanges_status',
  `status IN ('requested', 'accepted', 'handed_over', 'returned', 'completed', 'declined', 'cancelled', 'expired', 'no_show', 'overdue')`,
)
@Check('ck_exchanges_loan_period', `kind <> 'loan' OR (period IS NOT NULL AND held IS NOT NULL)`)
@Check('ck_exchanges_two_parties', `owner_id <> requester_id`)
@Check(
  'ck_exchanges_reschedule',
  `(reschedule_period IS NULL) = (reschedule_by IS NULL) AND (reschedule_by IS NULL OR reschedule_by IN ('owner', 'requester'))`,
)
@Exclusion(
  'ex_exchanges_loan_overlap',
  `USING gist ("listing_id" WITH =, "held" WITH &&) WHERE (kind = 'loan' AND status IN ('accepted', 'handed_over', 'overdue'))`,
)
@Index('uq_exchanges_listing_holding', ['listingId'], {
  unique: true,
  where: `kind <> 'loan' AND status IN ('accepted', 'handed_over')`,
})
@Index('uq_exchanges_open_request', ['listingId', 'requesterId'], {
  unique: true,
  where: `kind <> 'loan' AND status = 'requested'`,
})
export class ExchangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: ExchangeKind;

  @Column({ type: 'varchar', length: 12, default: 'requested' })
  status!: ExchangeStatus;

  @Index('ix_exchanges_listing_id')
  @Column({ name: 'listing_id', type: 'uuid' })
  listingId!: string;

  @ManyToOne(() => ListingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'listing_id', foreignKeyConstraintName: 'fk_exchanges_listing' })
  listing?: ListingEntity;

  @Index('ix_exchanges_owner_id')
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'fk_exchanges_owner' })
  owner?: UserEntity;

  @Index('ix_exchanges_requester_id')
  @Column({ name: 'requester_id', type: 'uuid' })
  requesterId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'requester_id', foreignKeyConstraintName: 'fk_exchanges_requester' })
  requester?: UserEntity;

  /** Loans: the agreed period `[start, end)`. */
  @Column({ type: 'tstzrange', nullable: true })
  period!: string | null;

  /** Loans: the period plus the owner's buffer after it; what the exclusion constraint compares. */
  @Column({ type: 'tstzrange', nullable: true })
  held!: string | null;

  /** Loans: new dates one party proposed, until the other accepts (`POST …/reschedule`). */
  @Column({ name: 'reschedule_period', type: 'tstzrange', nullable: true })
  reschedulePeriod!: string | null;

  /** Who proposed `reschedule_period`: `owner` or `requester`. */
  @Column({ name: 'reschedule_by', type: 'varchar', length: 9, nullable: true })
  rescheduleBy!: 'owner' | 'requester' | null;

  /** Swap or answer: the requester's listing offered in return. */
  @Column({ name: 'offered_listing_id', type: 'uuid', nullable: true })
  offeredListingId!: string | null;

  @ManyToOne(() => ListingEntity, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'offered_listing_id',
    foreignKeyConstraintName: 'fk_exchanges_offered_listing',
  })
  offeredListing?: ListingEntity;

  /** Swap: an item described in words instead of a listing. */
  @Column({ name: 'offered_item', type: 'varchar', length: 300, nullable: true })
  offeredItem!: string | null;

  @Index('uq_exchanges_conversation_id', { unique: true })
  @Column({ name: 'conversation_id', type: 'uuid' })
  conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'conversation_id', foreignKeyConstraintName: 'fk_exchanges_conversation' })
  conversation?: ConversationEntity;

  /** Reliability facts for reputation. */
  @Column({ name: 'returned_late', type: 'boolean', default: false })
  returnedLate!: boolean;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'handed_over_at', type: 'timestamptz', nullable: true })
  handedOverAt!: Date | null;

  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true })
  returnedAt!: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
