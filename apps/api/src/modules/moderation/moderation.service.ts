import { Injectable } from '@nestjs/common';
import {
  type AuditAction,
  type AuditPage,
  type AuditQuery,
  type CreateReportInput,
  DomainError,
  type ModerationCaseView,
  type ModerationQueuePage,
  type ModerationQueueQuery,
  type ModerationNoticeData,
  type ReportResolvedData,
  type ReportedConversation,
  type ResolveReportInput,
  type ResolveResult,
  type Role,
  availableModerationActions,
  cursorCodec,
  nextModerationState,
  reportOutcome,
} from '@partagora/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { SessionsService } from '../auth/sessions.service';
import { MunicipalitiesService } from '../municipalities/municipalities.service';
import { NotificationsService } from '../notifications/notifications.service';
import { UsersService } from '../users/users.service';
import { type CaseRow, ModerationRepository } from './moderation.repository';
import { type ModerationTarget, ModerationTargets } from './moderation-targets';

/** Open queue: prioritised first (rank 0), then oldest first. */
const openCursor = cursorCodec(['rank', 'instant', 'uuid']);
/** Resolved list and audit log: newest first. */
const timelineCursor = cursorCodec(['instant', 'uuid']);

const MODERATORS: readonly Role[] = ['moderator'];
const AUDIT_READERS: readonly Role[] = ['staff', 'moderator'];

/**
 * Reports, the town's moderation queue, decisions and the audit log. Targets are reached through
 * the `ModerationTargets` registry their owner modules fill; the decision rules are the domain's
 * (`reportOutcome`, `nextModerationState`), this service applies their effects in one transaction.
 */
@Injectable()
export class ModerationService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: ModerationRepository,
    private readonly targets: ModerationTargets,
    private readonly users: UsersService,
    private readonly municipalities: MunicipalitiesService,
    private readonly sessions: SessionsService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * A member reports something they can see. The report and the count of its case commit
   * together under the case's row lock, so the third distinct reporter hides a hideable target
   * exactly once however many report at the same instant.
   */
  async report(reporterId: string, input: CreateReportInput): Promise<{ id: string }> {
    const target = this.targets.get(input.targetType);
    const found = target ? await target.resolve(input.targetId) : null;
    if (!target || !found || !(await target.visibleTo(input.targetId, reporterId))) {
      throw new DomainError('REPORT_TARGET_NOT_FOUND', 'Nothing to report there');
    }
    if (found.authorId === reporterId)
      throw new DomainError('SELF_REPORT', 'You cannot report your own content');
    return this.ds.transaction(async (manager) => {
      const c = await this.repo.lockOpenCase(manager, {
        municipalityId: found.municipalityId,
        targetType: input.targetType,
        targetId: input.targetId,
        authorId: found.authorId,
        hidden: found.hidden,
      });
      const id = await this.repo.insertReport(manager, {
        caseId: c.id,
        targetType: input.targetType,
        targetId: input.targetId,
        reporterId,
        reason: input.reason,
        comment: input.comment ?? null,
      });
      if (!id) throw new DomainError('ALREADY_REPORTED', 'You already reported this');
      const distinctReporters = await this.repo.countReport(manager, c.id);
      const outcome = reportOutcome({
        distinctReporters,
        state: { status: 'open', hidden: c.hidden },
        target: { hideable: target.hideable },
      });
      if (outcome.hide) await target.hide(manager, input.targetId);
      if (outcome.hide || outcome.priority) {
        await this.repo.markCase(manager, c.id, {
          hidden: outcome.hide ? true : undefined,
          priority: outcome.priority ? true : undefined,
        });
      }
      return { id };
    });
  }

  /** A town's queue, for its moderators, with the reported content itself. */
  async queue(userId: string, slug: string, q: ModerationQueueQuery): Promise<ModerationQueuePage> {
    const townId = await this.authorise(userId, slug, MODERATORS);
    const limit = q.limit;
    let rows: CaseRow[];
    if (q.status === 'open') {
      const after = q.cursor ? openCursor.decode(q.cursor) : undefined;
      rows = await this.repo.openCases(
        townId,
        limit + 1,
        after && { rank: after[0], createdKey: after[1], id: after[2] },
      );
    } else {
      const after = q.cursor ? timelineCursor.decode(q.cursor) : undefined;
      rows = await this.repo.resolvedCases(
        townId,
        limit + 1,
        after && { resolvedKey: after[0], id: after[1] },
      );
    }
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > limit && last
        ? q.status === 'open'
          ? openCursor.encode([last.priority ? 0 : 1, last.created_key, last.id])
          : timelineCursor.encode([last.resolved_key ?? last.created_key, last.id])
        : null;
    return { items: await Promise.all(page.map((r) => this.toView(r))), nextCursor };
  }

  /** A moderator of the target's town decides; effects, audit and notifications in one commit. */
  async resolve(userId: string, caseId: string, input: ResolveReportInput): Promise<ResolveResult> {
    const note = input.note?.trim() ? input.note.trim() : null;
    return this.ds.transaction(async (manager) => {
      const c = await this.repo.findCase(caseId, manager, true);
      if (!c) throw new DomainError('REPORT_NOT_FOUND', 'No such report');
      if (!(await this.users.hasRoleIn(userId, c.municipality_id, MODERATORS)))
        throw new DomainError('FORBIDDEN', "Only this town's moderators decide about its reports");
      const target = this.targets.get(c.target_type);
      const hideable = target?.hideable ?? false;
      const { next, effects } = nextModerationState(
        { status: c.status, hidden: c.hidden },
        input.action,
        { hideable },
      );
      if (effects.suspendAuthor && !c.author_id)
        throw new DomainError('INVALID_TRANSITION', 'Nobody is left to suspend');
      if (target && effects.hide) await target.hide(manager, c.target_id);
      if (target && effects.restore) await target.restore(manager, c.target_id);
      if (effects.suspendAuthor && c.author_id) {
        await this.users.suspend(manager, c.author_id);
        await this.sessions.endAllFor(c.author_id, undefined, manager);
      }
      await this.repo.resolveCase(manager, c.id, {
        hidden: next.hidden,
        action: input.action,
        note,
        by: userId,
      });
      const auditId = await this.repo.audit(manager, {
        municipalityId: c.municipality_id,
        actorId: userId,
        action: `report.${input.action}`,
        targetType: c.target_type,
        targetId: c.target_id,
        note,
      });
      const about = target ? await target.content(c.target_id) : null;
      const label = about?.label ?? '';
      const source = `moderation:${auditId}`;
      if (effects.tellReporters) {
        const data: ReportResolvedData = {
          caseId: c.id,
          targetType: c.target_type,
          outcome: effects.tellReporters,
          targetLabel: label,
          ...(about?.listingId && !next.hidden ? { listingId: about.listingId } : {}),
        };
        const reporters = await this.repo.reporters(manager, c.id);
        await this.notifications.notify(
          manager,
          `${source}:reporters`,
          reporters.map((id) => ({ userId: id, kind: 'report_resolved', data: { ...data } })),
        );
      }
      if (effects.tellAuthor && c.author_id) {
        const data: ModerationNoticeData = {
          caseId: c.id,
          targetType: c.target_type,
          notice: effects.tellAuthor,
          reasons: c.reasons,
          note,
          targetLabel: label,
          ...(about?.listingId ? { listingId: about.listingId } : {}),
        };
        await this.notifications.notify(manager, `${source}:author`, [
          { userId: c.author_id, kind: 'moderation_notice', data: { ...data } },
        ]);
      }
      return { id: c.id, status: 'resolved' as const, hidden: next.hidden, action: input.action };
    });
  }

  /** A reported message's conversation, for a moderator of its town; the reading is audited. */
  async conversation(userId: string, caseId: string): Promise<ReportedConversation> {
    const c = await this.repo.findCase(caseId);
    if (!c) throw new DomainError('REPORT_NOT_FOUND', 'No such report');
    if (!(await this.users.hasRoleIn(userId, c.municipality_id, MODERATORS)))
      throw new DomainError('FORBIDDEN', "Only this town's moderators read its reports");
    const target = this.targets.get(c.target_type);
    const about = target ? await target.content(c.target_id) : null;
    if (c.target_type !== 'message' || !target?.conversation || !about?.conversationId)
      throw new DomainError('CONVERSATION_NOT_FOUND', 'This report is not about a conversation');
    const items = await target.conversation(c.target_id);
    await this.repo.audit(this.ds.manager, {
      municipalityId: c.municipality_id,
      actorId: userId,
      action: 'conversation.read',
      targetType: 'conversation',
      targetId: about.conversationId,
      note: null,
    });
    return { conversationId: about.conversationId, items };
  }

  /**
   * An entry of a town's audit log written by another module (assisted mode: registrations, act
   * tokens, and each request made with one), in the caller's transaction when given.
   */
  recordAudit(
    entry: {
      municipalityId: string;
      actorId: string;
      action: AuditAction;
      targetType: string;
      targetId: string;
      note: string | null;
    },
    manager: EntityManager = this.ds.manager,
  ): Promise<string> {
    return this.repo.audit(manager, entry);
  }

  /** A town's audit log, for its staff and moderators, newest first. */
  async auditLog(userId: string, slug: string, q: AuditQuery): Promise<AuditPage> {
    const townId = await this.authorise(userId, slug, AUDIT_READERS);
    const after = q.cursor ? timelineCursor.decode(q.cursor) : undefined;
    const rows = await this.repo.auditPage(
      townId,
      q.limit + 1,
      after && { createdKey: after[0], id: after[1] },
    );
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        id: r.id,
        actor: r.actor_id ? { id: r.actor_id, displayName: r.actor_name ?? '' } : null,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        note: r.note,
        createdAt: r.created_at.toISOString(),
      })),
      nextCursor:
        rows.length > q.limit && last ? timelineCursor.encode([last.created_key, last.id]) : null,
    };
  }

  /** The town's id when the caller holds one of `roles` there; 404 unknown town, 403 otherwise. */
  private async authorise(userId: string, slug: string, roles: readonly Role[]): Promise<string> {
    const town = await this.municipalities.findRef(slug);
    if (!town) throw new DomainError('MUNICIPALITY_NOT_FOUND', `No partner town "${slug}"`);
    if (!(await this.users.hasRoleIn(userId, town.id, roles)))
      throw new DomainError('FORBIDDEN', "This page is for the town's moderation team");
    return town.id;
  }

  private async toView(r: CaseRow): Promise<ModerationCaseView> {
    const target: ModerationTarget | undefined = this.targets.get(r.target_type);
    const about = target ? await target.content(r.target_id) : null;
    const hideable = target?.hideable ?? false;
    return {
      id: r.id,
      targetType: r.target_type,
      targetId: r.target_id,
      reasons: r.reasons,
      comments: r.comments,
      reportCount: r.report_count,
      priority: r.priority,
      hidden: r.hidden,
      status: r.status,
      createdAt: r.created_at.toISOString(),
      resolution:
        r.resolution_action && r.resolved_at
          ? {
              action: r.resolution_action,
              note: r.resolution_note,
              at: r.resolved_at.toISOString(),
            }
          : null,
      actions: target
        ? availableModerationActions({ status: r.status, hidden: r.hidden }, { hideable })
        : [],
      content: about?.content ?? { type: 'unavailable' },
    };
  }
}
