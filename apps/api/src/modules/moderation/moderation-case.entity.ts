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
import type {
  ModerationAction,
  ModerationCaseStatus,
  ReportReason,
  ReportTargetType,
} from '@partagora/domain';
import { MunicipalityEntity } from '../municipalities/municipality.entity';
import { UserEntity } from '../users/user.entity';

/**
 * All the reports of one target until a moderator decides: at most one open case per target
 * (partial unique index), whose row lock serialises the count of concurrent reports.
 */
@Entity('moderation_cases')
@Check('ck_moderation_cases_target_type', `target_type IN ('listing', 'user', 'message', 'review')`)
@Check('ck_moderation_cases_status', `status IN ('open', 'resolved')`)
@Check(
  'ck_moderation_cases_resolution',
  `resolution_action IS NULL OR resolution_action IN ('dismiss', 'hide', 'restore', 'warn', 'suspend')`,
)
@Index('uq_moderation_cases_open_target', ['targetType', 'targetId'], {
  unique: true,
  where: `status = 'open'`,
})
@Index('ix_moderation_cases_queue', ['municipalityId', 'status', 'createdAt', 'id'])
export class ModerationCaseEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_moderation_cases' })
  id!: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'municipality_id',
    foreignKeyConstraintName: 'fk_moderation_cases_municipality',
  })
  municipality?: MunicipalityEntity;

  @Column({ name: 'target_type', type: 'varchar', length: 10 })
  targetType!: ReportTargetType;

  @Column({ name: 'target_id', type: 'uuid' })
  targetId!: string;

  /** Whom the target is by (suspend acts on them); null once they are erased. */
  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_moderation_cases_author' })
  author?: UserEntity;

  @Column({ type: 'varchar', length: 10, default: 'open' })
  status!: ModerationCaseStatus;

  @Column({ type: 'boolean', default: false })
  hidden!: boolean;

  /** Three distinct reporters: first in the queue, whatever the target. */
  @Column({ type: 'boolean', default: false })
  priority!: boolean;

  @Column({ name: 'report_count', type: 'integer', default: 0 })
  reportCount!: number;

  @Column({ name: 'resolution_action', type: 'varchar', length: 10, nullable: true })
  resolutionAction!: ModerationAction | null;

  @Column({ name: 'resolution_note', type: 'text', nullable: true })
  resolutionNote!: string | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'resolved_by', foreignKeyConstraintName: 'fk_moderation_cases_resolver' })
  resolver?: UserEntity;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** One member's report of one target; a member reports a target once (ever). */
@Entity('reports')
@Check('ck_reports_target_type', `target_type IN ('listing', 'user', 'message', 'review')`)
@Check('ck_reports_reason', `reason IN ('spam', 'inappropriate', 'dangerous', 'fraud', 'other')`)
@Index('uq_reports_reporter_target', ['targetType', 'targetId', 'reporterId'], { unique: true })
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_reports' })
  id!: string;

  @Index('ix_reports_case_id')
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => ModerationCaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_reports_case' })
  moderationCase?: ModerationCaseEntity;

  @Column({ name: 'target_type', type: 'varchar', length: 10 })
  targetType!: ReportTargetType;

  @Column({ name: 'target_id', type: 'uuid' })
  targetId!: string;

  @Index('ix_reports_reporter_id')
  @Column({ name: 'reporter_id', type: 'uuid' })
  reporterId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reporter_id', foreignKeyConstraintName: 'fk_reports_reporter' })
  reporter?: UserEntity;

  @Column({ type: 'varchar', length: 15 })
  reason!: ReportReason;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Every moderator action and every reading of a reported conversation, per town. */
@Entity('audit_log')
@Index('ix_audit_log_town', ['municipalityId', 'createdAt', 'id'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_audit_log' })
  id!: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'municipality_id', foreignKeyConstraintName: 'fk_audit_log_municipality' })
  municipality?: MunicipalityEntity;

  /** Null once the actor is erased (the entry stays). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'fk_audit_log_actor' })
  actor?: UserEntity;

  @Column({ type: 'varchar', length: 30 })
  action!: string;

  @Column({ name: 'target_type', type: 'varchar', length: 20 })
  targetType!: string;

  @Column({ name: 'target_id', type: 'uuid' })
  targetId!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
