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
import { ListingEntity } from '../listings/listing.entity';
import { UserEntity } from '../users/user.entity';

/**
 * The talk between the two parties of an exchange, or a question about a listing before any
 * request (one per listing and asker). `last_seq` hands out message numbers under a row lock.
 */
@Entity('conversations')
@Check('ck_conversations_kind', `kind IN ('exchange', 'question')`)
@Index('uq_conversations_question', ['listingId', 'askerId'], {
  unique: true,
  where: `kind = 'question'`,
})
export class ConversationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 10 })
  kind!: 'exchange' | 'question';

  @Index('ix_conversations_listing_id')
  @Column({ name: 'listing_id', type: 'uuid' })
  listingId!: string;

  @ManyToOne(() => ListingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'listing_id', foreignKeyConstraintName: 'fk_conversations_listing' })
  listing?: ListingEntity;

  /** For a question: who asked (the other participant is the owner). */
  @Column({ name: 'asker_id', type: 'uuid', nullable: true })
  askerId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'asker_id', foreignKeyConstraintName: 'fk_conversations_asker' })
  asker?: UserEntity;

  @Column({ name: 'last_seq', type: 'integer', default: 0 })
  lastSeq!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** Who may read and write a conversation, and how far each has read. */
@Entity('conversation_participants')
export class ConversationParticipantEntity {
  @PrimaryColumn({ name: 'conversation_id', type: 'uuid' })
  conversationId!: string;

  @Index('ix_conversation_participants_user_id')
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'conversation_id',
    foreignKeyConstraintName: 'fk_conversation_participants_conversation',
  })
  conversation?: ConversationEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_conversation_participants_user' })
  user?: UserEntity;

  @Column({ name: 'last_read_seq', type: 'integer', default: 0 })
  lastReadSeq!: number;
}
