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
import type { PostChannel, PostKind, PostOpenVia } from '@partagora/domain';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { NotificationEntity } from '../notifications/notification.entity';
import { UserEntity } from '../users/user.entity';

/**
 * A town post (DESIGN.md §4.1 "Town news"), published by the town hall: readable by everyone once
 * `publish_at` has passed and until it is unpublished. An alert is fanned out once, when it becomes
 * published (`alert_dispatched_at` set in the transaction that writes its outbox row).
 */
@Entity('posts')
@Index('ix_posts_town_publish', ['municipalityId', 'publishAt', 'id'])
@Index('ix_posts_alert_pending', ['publishAt'], {
  where: `kind = 'alert' AND alert_dispatched_at IS NULL AND unpublished_at IS NULL`,
})
@Check('ck_posts_kind', `kind IN ('news', 'announcement', 'works', 'alert')`)
export class PostEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_posts_municipality' })
  municipality?: MunicipalityEntity;

  /** The staff member who wrote it: internal (readers see the town hall as the author). */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_posts_creator' })
  creator?: UserEntity;

  @Column({ type: 'varchar', length: 12 })
  kind!: PostKind;

  @Column({ type: 'varchar', length: 160 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'publish_at', type: 'timestamptz' })
  publishAt!: Date;

  @Column({ name: 'unpublished_at', type: 'timestamptz', nullable: true })
  unpublishedAt!: Date | null;

  @Column({ name: 'alert_dispatched_at', type: 'timestamptz', nullable: true })
  alertDispatchedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * A browser subscribed to a town's alerts (Web Push), with or without an account: nothing but the
 * subscription and the town. `removed_at` keeps the subscribers-over-time figures once it is gone.
 */
@Entity('push_subscriptions')
@Index('uq_push_subscriptions_town_endpoint', ['municipalityId', 'endpoint'], { unique: true })
export class PushSubscriptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'municipality_id',
    foreignKeyConstraintName: 'fk_push_subscriptions_municipality',
  })
  municipality?: MunicipalityEntity;

  @Column({ type: 'varchar', length: 1000 })
  endpoint!: string;

  @Column({ type: 'varchar', length: 200 })
  p256dh!: string;

  @Column({ type: 'varchar', length: 200 })
  auth!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt!: Date | null;
}

/**
 * One delivery of an alert to one recipient on one channel (unique), so a retried job never sends
 * twice; `token` is the read receipt carried by the link it sent. `recipient_key` is
 * `user:<id>` or `push:<subscription id>` (kept after the subscription is gone).
 */
@Entity('post_deliveries')
@Index('uq_post_deliveries_recipient', ['postId', 'channel', 'recipientKey'], { unique: true })
@Index('uq_post_deliveries_token', ['token'], { unique: true })
@Check('ck_post_deliveries_channel', `channel IN ('push', 'in_app', 'email')`)
@Check('ck_post_deliveries_state', `state IN ('queued', 'delivered', 'failed', 'gone')`)
export class PostDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'post_id', type: 'uuid' })
  postId!: string;

  @ManyToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id', foreignKeyConstraintName: 'fk_post_deliveries_post' })
  post?: PostEntity;

  @Column({ type: 'varchar', length: 6 })
  channel!: PostChannel;

  @Column({ name: 'recipient_key', type: 'varchar', length: 60 })
  recipientKey!: string;

  @Column({ name: 'push_subscription_id', type: 'uuid', nullable: true })
  pushSubscriptionId!: string | null;

  @ManyToOne(() => PushSubscriptionEntity, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'push_subscription_id',
    foreignKeyConstraintName: 'fk_post_deliveries_push_subscription',
  })
  pushSubscription?: PushSubscriptionEntity;

  /** The member's notification row (in-app and e-mail deliveries). */
  @Column({ name: 'notification_id', type: 'uuid', nullable: true })
  notificationId!: string | null;

  @ManyToOne(() => NotificationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'notification_id',
    foreignKeyConstraintName: 'fk_post_deliveries_notification',
  })
  notification?: NotificationEntity;

  @Column({ type: 'varchar', length: 43 })
  token!: string;

  @Column({ type: 'varchar', length: 10, default: 'queued' })
  state!: 'queued' | 'delivered' | 'failed' | 'gone';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  @Column({ name: 'opened_via', type: 'varchar', length: 6, nullable: true })
  openedVia!: PostOpenVia | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
