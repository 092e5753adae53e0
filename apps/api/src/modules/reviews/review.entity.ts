import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ExchangeEntity } from '../exchanges/exchange.entity';
import { UserEntity } from '../users/user.entity';

/**
 * One party's review of the other after a completed exchange. Integrity in the database:
 * - one review per exchange and side (`uq_reviews_exchange_role`): the second post of a party,
 *   concurrent or not, is `REVIEW_EXISTS`; keyed on the side rather than the author so that it
 *   still holds once an erased author's id is cleared;
 * - `revealed_at` is set for both reviews when the second arrives, or by the 14-day timer;
 * - `hidden_at` is a moderator's decision: a hidden review counts nowhere.
 */
@Entity('reviews')
@Check('ck_reviews_rating', `rating BETWEEN 1 AND 5`)
@Check('ck_reviews_author_role', `author_role IN ('owner', 'requester')`)
@Index('uq_reviews_exchange_role', ['exchangeId', 'authorRole'], { unique: true })
@Index('ix_reviews_subject_visible', ['subjectId', 'createdAt'], {
  where: `revealed_at IS NOT NULL AND hidden_at IS NULL`,
})
export class ReviewEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'exchange_id', type: 'uuid' })
  exchangeId!: string;

  @ManyToOne(() => ExchangeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'exchange_id', foreignKeyConstraintName: 'fk_reviews_exchange' })
  exchange?: ExchangeEntity;

  /** Null once the author's account is erased: the review stays, by "a former member". */
  @Index('ix_reviews_author_id')
  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_reviews_author' })
  author?: UserEntity;

  /** The author's side of the exchange. */
  @Column({ name: 'author_role', type: 'varchar', length: 9 })
  authorRole!: 'owner' | 'requester';

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subject_id', foreignKeyConstraintName: 'fk_reviews_subject' })
  subject?: UserEntity;

  @Column({ type: 'smallint' })
  rating!: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  comment!: string | null;

  @Column({ name: 'revealed_at', type: 'timestamptz', nullable: true })
  revealedAt!: Date | null;

  /** Set by moderation: the review is then absent from profiles and scores. */
  @Column({ name: 'hidden_at', type: 'timestamptz', nullable: true })
  hiddenAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
