import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { ConversationEntity } from './conversation.entity';

/** A chat message; `seq` is monotonic per conversation so clients resync with `after=seq`. */
@Entity('messages')
@Index('uq_messages_conversation_seq', ['conversationId', 'seq'], { unique: true })
export class MessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'conversation_id', type: 'uuid' })
  conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id', foreignKeyConstraintName: 'fk_messages_conversation' })
  conversation?: ConversationEntity;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_messages_author' })
  author?: UserEntity;

  /** Empty once its author erased their account (`erased`). */
  @Column({ type: 'text' })
  body!: string;

  /** Hidden by moderation: the parties see it as removed, moderators still read it. */
  @Column({ name: 'hidden_at', type: 'timestamptz', nullable: true })
  hiddenAt!: Date | null;
  /** The author left and their words with them; the message keeps its place in the history. */
  @Column({ type: 'boolean', default: false })
  erased!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
