import { Injectable } from '@nestjs/common';
import type {
  AuditAction,
  ModerationAction,
  ModerationCaseStatus,
  ReportReason,
  ReportTargetType,
} from '@partagora/domain';
import { DataSource, type EntityManager } from 'typeorm';

/** `created_at`-like columns to the microsecond, UTC ISO: cursor keys (a JS Date keeps ms). */
const key = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export interface CaseRow {
  id: string;
  municipality_id: string;
  slug: string;
  target_type: ReportTargetType;
  target_id: string;
  author_id: string | null;
  status: ModerationCaseStatus;
  hidden: boolean;
  priority: boolean;
  report_count: number;
  resolution_action: ModerationAction | null;
  resolution_note: string | null;
  resolved_at: Date | null;
  created_at: Date;
  created_key: string;
  resolved_key: string | null;
  reasons: ReportReason[];
  comments: string[];
}

const CASE_COLUMNS = `c.id, c.municipality_id, m.slug, c.target_type, c.target_id, c.author_id, c.status,
  c.hidden, c.priority, c.report_count, c.resolution_action, c.resolution_note, c.resolved_at,
  c.created_at, ${key('c.created_at')} AS created_key, ${key('c.resolved_at')} AS resolved_key,
  COALESCE((SELECT array_agg(DISTINCT r.reason ORDER BY r.reason) FROM reports r WHERE r.case_id = c.id), '{}') AS reasons,
  COALESCE((SELECT array_agg(r.comment ORDER BY r.created_at) FROM reports r
             WHERE r.case_id = c.id AND r.comment IS NOT NULL AND r.comment <> ''), '{}') AS comments`;

export interface AuditRow {
  id: string;
  actor_id: string | null;
  actor_name: string | null;
  action: AuditAction;
  target_type: string;
  target_id: string;
  note: string | null;
  created_at: Date;
  created_key: string;
}

/** All SQL of reports, moderation cases and the audit log. */
@Injectable()
export class ModerationRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * The open case of a target, created if none, and row-locked until the transaction ends: the
   * reports of one target are counted one at a time, whatever the concurrency.
   */
  async lockOpenCase(
    manager: EntityManager,
    c: {
      municipalityId: string;
      targetType: ReportTargetType;
      targetId: string;
      authorId: string | null;
      hidden: boolean;
    },
  ): Promise<{ id: string; hidden: boolean }> {
    const rows = await manager.query<Array<{ id: string; hidden: boolean }>>(
      `INSERT INTO moderation_cases (municipality_id, target_type, target_id, author_id, hidden)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (target_type, target_id) WHERE status = 'open'
       DO UPDATE SET updated_at = now()
       RETURNING id, hidden`,
      [c.municipalityId, c.targetType, c.targetId, c.authorId, c.hidden],
    );
    return rows[0]!;
  }

  /** The report, or null when this member already reported this target (unique key). */
  async insertReport(
    manager: EntityManager,
    r: {
      caseId: string;
      targetType: ReportTargetType;
      targetId: string;
      reporterId: string;
      reason: ReportReason;
      comment: string | null;
    },
  ): Promise<string | null> {
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO reports (case_id, target_type, target_id, reporter_id, reason, comment)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (target_type, target_id, reporter_id) DO NOTHING RETURNING id`,
      [r.caseId, r.targetType, r.targetId, r.reporterId, r.reason, r.comment],
    );
    return rows[0]?.id ?? null;
  }

  /** One more report on the (locked) case: its new count of distinct reporters. */
  async countReport(manager: EntityManager, caseId: string): Promise<number> {
    const [rows] = await manager.query<[Array<{ report_count: number }>, number]>(
      `UPDATE moderation_cases SET report_count = report_count + 1 WHERE id = $1 RETURNING report_count`,
      [caseId],
    );
    return rows[0]!.report_count;
  }

  async markCase(
    manager: EntityManager,
    caseId: string,
    c: { hidden?: boolean; priority?: boolean },
  ): Promise<void> {
    await manager.query(
      `UPDATE moderation_cases SET hidden = COALESCE($2, hidden), priority = COALESCE($3, priority),
              updated_at = now() WHERE id = $1`,
      [caseId, c.hidden ?? null, c.priority ?? null],
    );
  }

  async findCase(
    id: string,
    manager: EntityManager = this.ds.manager,
    lock = false,
  ): Promise<CaseRow | null> {
    if (lock) await manager.query(`SELECT 1 FROM moderation_cases WHERE id = $1 FOR UPDATE`, [id]);
    const rows = await manager.query<CaseRow[]>(
      `SELECT ${CASE_COLUMNS} FROM moderation_cases c JOIN municipalities m ON m.id = c.municipality_id
        WHERE c.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async resolveCase(
    manager: EntityManager,
    id: string,
    r: { hidden: boolean; action: ModerationAction; note: string | null; by: string },
  ): Promise<void> {
    await manager.query(
      `UPDATE moderation_cases SET status = 'resolved', hidden = $2, resolution_action = $3,
              resolution_note = $4, resolved_by = $5, resolved_at = now(), updated_at = now()
        WHERE id = $1`,
      [id, r.hidden, r.action, r.note, r.by],
    );
  }

  async reporters(manager: EntityManager, caseId: string): Promise<string[]> {
    const rows = await manager.query<Array<{ reporter_id: string }>>(
      `SELECT reporter_id FROM reports WHERE case_id = $1 ORDER BY created_at`,
      [caseId],
    );
    return rows.map((r) => r.reporter_id);
  }

  /**
   * A page of a town's open cases: prioritised first, then oldest first; `after` is the
   * `(rank, created_key, id)` of the previous page's last row (rank 0 for prioritised).
   */
  openCases(
    municipalityId: string,
    limit: number,
    after?: { rank: number; createdKey: string; id: string },
  ): Promise<CaseRow[]> {
    const params: unknown[] = [municipalityId, limit];
    let where = '';
    if (after) {
      params.push(after.rank, after.createdKey, after.id);
      where = ` AND ((NOT c.priority)::int, c.created_at, c.id) > ($3::int, $4::timestamptz, $5::uuid)`;
    }
    return this.ds.query<CaseRow[]>(
      `SELECT ${CASE_COLUMNS} FROM moderation_cases c JOIN municipalities m ON m.id = c.municipality_id
        WHERE c.municipality_id = $1 AND c.status = 'open'${where}
        ORDER BY (NOT c.priority)::int, c.created_at, c.id LIMIT $2`,
      params,
    );
  }

  /** A page of a town's resolved cases, most recently decided first. */
  resolvedCases(
    municipalityId: string,
    limit: number,
    after?: { resolvedKey: string; id: string },
  ): Promise<CaseRow[]> {
    const params: unknown[] = [municipalityId, limit];
    let where = '';
    if (after) {
      params.push(after.resolvedKey, after.id);
      where = ` AND (c.resolved_at, c.id) < ($3::timestamptz, $4::uuid)`;
    }
    return this.ds.query<CaseRow[]>(
      `SELECT ${CASE_COLUMNS} FROM moderation_cases c JOIN municipalities m ON m.id = c.municipality_id
        WHERE c.municipality_id = $1 AND c.status = 'resolved'${where}
        ORDER BY c.resolved_at DESC, c.id DESC LIMIT $2`,
      params,
    );
  }

  async audit(
    manager: EntityManager,
    e: {
      municipalityId: string;
      actorId: string;
      action: AuditAction;
      targetType: string;
      targetId: string;
      note: string | null;
    },
  ): Promise<string> {
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO audit_log (municipality_id, actor_id, action, target_type, target_id, note)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [e.municipalityId, e.actorId, e.action, e.targetType, e.targetId, e.note],
    );
    return rows[0]!.id;
  }

  /** A page of a town's audit log, newest first. */
  auditPage(
    municipalityId: string,
    limit: number,
    after?: { createdKey: string; id: string },
  ): Promise<AuditRow[]> {
    const params: unknown[] = [municipalityId, limit];
    let where = '';
    if (after) {
      params.push(after.createdKey, after.id);
      where = ` AND (a.created_at, a.id) < ($3::timestamptz, $4::uuid)`;
    }
    return this.ds.query<AuditRow[]>(
      `SELECT a.id, a.actor_id, u.display_name AS actor_name, a.action, a.target_type, a.target_id,
              a.note, a.created_at, ${key('a.created_at')} AS created_key
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
        WHERE a.municipality_id = $1${where}
        ORDER BY a.created_at DESC, a.id DESC LIMIT $2`,
      params,
    );
  }
}
