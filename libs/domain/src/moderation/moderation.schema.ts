import { z } from 'zod';
import { cursorQuerySchema, pageLimitSchema } from '../shared/cursor';
import { fromQuery, pageSchema } from '../shared/schemas';
import {
  MODERATION_ACTIONS,
  MODERATION_CASE_STATUSES,
  REPORT_REASONS,
  REPORT_TARGET_TYPES,
} from './moderation';

export const createReportSchema = z.object({
  targetType: z.enum(REPORT_TARGET_TYPES),
  targetId: z.uuid(),
  reason: z.enum(REPORT_REASONS),
  comment: z.string().trim().max(1000).optional(),
});
export type CreateReportInput = z.infer<typeof createReportSchema>;

export const reportCreatedSchema = z.object({ id: z.uuid() });

export const moderationQueueQuerySchema = z.object({
  status: fromQuery(z.enum(MODERATION_CASE_STATUSES).default('open')),
  limit: fromQuery(pageLimitSchema.default(20)),
  cursor: fromQuery(cursorQuerySchema.optional()),
});
export type ModerationQueueQuery = z.infer<typeof moderationQueueQuerySchema>;

export const resolveReportSchema = z.object({
  action: z.enum(MODERATION_ACTIONS),
  note: z.string().trim().max(1000).optional(),
});
export type ResolveReportInput = z.infer<typeof resolveReportSchema>;

/** What `POST /moderation/reports/:id/resolve` answers. */
export const resolveResultSchema = z.object({
  id: z.uuid(),
  status: z.literal('resolved'),
  hidden: z.boolean(),
  action: z.enum(MODERATION_ACTIONS),
});
export type ResolveResult = z.infer<typeof resolveResultSchema>;

const personSchema = z.object({ id: z.uuid(), displayName: z.string() });

/** The reported thing itself, as the moderator reads it. */
export const reportedContentSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('listing'),
    title: z.string(),
    description: z.string(),
    status: z.string(),
    owner: personSchema,
  }),
  z.object({ type: z.literal('user'), displayName: z.string(), suspended: z.boolean() }),
  z.object({
    type: z.literal('message'),
    body: z.string(),
    author: personSchema,
    conversationId: z.uuid(),
  }),
  z.object({
    type: z.literal('review'),
    rating: z.number().int(),
    comment: z.string().nullable(),
    author: personSchema.nullable(),
    subject: personSchema,
  }),
  z.object({ type: z.literal('unavailable') }),
]);
export type ReportedContent = z.infer<typeof reportedContentSchema>;

export const moderationCaseSchema = z.object({
  id: z.uuid(),
  targetType: z.enum(REPORT_TARGET_TYPES),
  targetId: z.uuid(),
  reasons: z.array(z.enum(REPORT_REASONS)),
  comments: z.array(z.string()),
  reportCount: z.number().int(),
  priority: z.boolean(),
  hidden: z.boolean(),
  status: z.enum(MODERATION_CASE_STATUSES),
  createdAt: z.string(),
  resolution: z
    .object({ action: z.enum(MODERATION_ACTIONS), note: z.string().nullable(), at: z.string() })
    .nullable(),
  actions: z.array(z.enum(MODERATION_ACTIONS)),
  content: reportedContentSchema,
});
/** A reported message's conversation, as the moderator reads it (an audited reading). */
export const reportedConversationSchema = z.object({
  conversationId: z.uuid(),
  items: z.array(
    z.object({
      id: z.uuid(),
      seq: z.number().int(),
      authorId: z.uuid(),
      body: z.string(),
      removed: z.boolean(),
      createdAt: z.string(),
    }),
  ),
});
export type ReportedConversation = z.infer<typeof reportedConversationSchema>;

export type ModerationCaseView = z.infer<typeof moderationCaseSchema>;
export const moderationQueuePageSchema = pageSchema(moderationCaseSchema);
export type ModerationQueuePage = z.infer<typeof moderationQueuePageSchema>;

export const AUDIT_ACTIONS = [
  'report.dismiss',
  'report.hide',
  'report.restore',
  'report.warn',
  'report.suspend',
  'conversation.read',
  /** Assisted mode: a resident registered by staff (consent recorded). */
  'assisted.register',
  /** Assisted mode: staff took an act token for a resident. */
  'assisted.act',
  /** Assisted mode: one request made with an act token (note: method and path). */
  'assisted.request',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditQuerySchema = z.object({
  limit: fromQuery(pageLimitSchema.default(50)),
  cursor: fromQuery(cursorQuerySchema.optional()),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEntrySchema = z.object({
  id: z.uuid(),
  /** Null once the actor erased their account (the entry stays). */
  actor: personSchema.nullable(),
  action: z.enum(AUDIT_ACTIONS),
  targetType: z.string(),
  targetId: z.uuid(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditPageSchema = pageSchema(auditEntrySchema);
export type AuditPage = z.infer<typeof auditPageSchema>;
