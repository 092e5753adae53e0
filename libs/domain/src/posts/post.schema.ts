import { z } from 'zod';
import { cursorQuerySchema, pageLimitSchema } from '../shared/cursor';
import { fromQuery, pageSchema } from '../shared/schemas';
import { POST_KINDS, POST_LIMITS, POST_OPEN_VIAS, POST_STATUSES } from './post';

const title = z.string().trim().min(POST_LIMITS.titleMin).max(POST_LIMITS.titleMax);
const body = z.string().trim().min(1).max(POST_LIMITS.bodyMax);

/** `POST /municipalities/:slug/posts` (that town's staff). `publishAt` absent or past: now. */
export const createPostSchema = z.strictObject({
  title,
  body,
  kind: z.enum(POST_KINDS),
  publishAt: z.iso.datetime({ offset: true }).optional(),
});
export type CreatePostInput = z.infer<typeof createPostSchema>;

/** `PATCH /posts/:id`: any of the fields; `publishAt` only while the post is scheduled. */
export const updatePostSchema = z
  .strictObject({
    title: title.optional(),
    body: body.optional(),
    kind: z.enum(POST_KINDS).optional(),
    publishAt: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    message: 'Give at least one field to change',
  });
export type UpdatePostInput = z.infer<typeof updatePostSchema>;

export const postAuthorSchema = z.object({
  type: z.literal('organisation'),
  id: z.uuid(),
  name: z.string(),
});

/** A post as readers see it (DESIGN.md §4.1); staff lists add `status` and the dates. */
export const postSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  kind: z.enum(POST_KINDS),
  publishedAt: z.string(),
  author: postAuthorSchema,
  municipality: z.object({ slug: z.string(), name: z.string() }),
  status: z.enum(POST_STATUSES),
  updatedAt: z.string(),
  unpublishedAt: z.string().nullable(),
  /** When the alert went out to subscribers; null for other kinds or before it was sent. */
  alertSentAt: z.string().nullable(),
});
export type PostView = z.infer<typeof postSchema>;

export const postsPageSchema = pageSchema(postSchema);
export type PostsPage = z.infer<typeof postsPageSchema>;

/**
 * `GET /municipalities/:slug/posts`: `status` other than `published` is for that town's staff
 * (`all` lists every status, scheduled ones first by date).
 */
export const postListQuerySchema = z.object({
  status: fromQuery(z.enum([...POST_STATUSES, 'all']).default('published')),
  kind: fromQuery(z.enum(POST_KINDS).optional()),
  limit: fromQuery(pageLimitSchema.default(20)),
  cursor: fromQuery(cursorQuerySchema.optional()),
});
export type PostListQuery = z.infer<typeof postListQuerySchema>;

const base64url = z
  .string()
  .min(8)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+={0,2}$/, 'Expected base64url');

/** A browser's `PushSubscription.toJSON()` (what `pushManager.subscribe` returns). */
export const pushSubscriptionSchema = z.object({
  endpoint: z.url({ protocol: /^https?$/ }).max(1000),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({ p256dh: base64url, auth: base64url }),
});
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>;

export const pushUnsubscribeSchema = z.object({
  endpoint: z.url({ protocol: /^https?$/ }).max(1000),
});
export type PushUnsubscribeInput = z.infer<typeof pushUnsubscribeSchema>;

export const pushSubscribedSchema = z.object({
  id: z.uuid(),
  municipality: z.string(),
  createdAt: z.string(),
});

export const vapidPublicKeySchema = z.object({ publicKey: z.string() });

const perChannel = z.object({
  push: z.number().int(),
  inApp: z.number().int(),
  email: z.number().int(),
});

/** `GET /posts/:id/reach` (that town's staff). */
export const postReachSchema = z.object({
  postId: z.uuid(),
  sent: perChannel,
  delivered: perChannel,
  /** Recipients who opened the post from one of its deliveries (each counted once). */
  opened: z.number().int(),
  openedBy: perChannel,
  failed: perChannel,
  /** When the alert went out; null for posts that are not alerts or not sent yet. */
  sentAt: z.string().nullable(),
});
export type PostReach = z.infer<typeof postReachSchema>;

/** `POST /posts/:id/opened`: the read receipt (`token` from the link the alert carried). */
export const postOpenedSchema = z.object({
  via: z.enum(POST_OPEN_VIAS),
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/)
    .optional(),
});
export type PostOpenedInput = z.infer<typeof postOpenedSchema>;

export const postOpenedResultSchema = z.object({ counted: z.boolean() });

const day = z.iso.date();

/** `GET /municipalities/:slug/subscribers?from&to` (days, UTC; default the last 30). */
export const subscribersQuerySchema = z.object({
  from: fromQuery(day.optional()),
  to: fromQuery(day.optional()),
});
export type SubscribersQuery = z.infer<typeof subscribersQuerySchema>;

export const subscribersSchema = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(
    z.object({
      date: z.string(),
      push: z.number().int(),
      inApp: z.number().int(),
      email: z.number().int(),
    }),
  ),
});
export type SubscribersSeries = z.infer<typeof subscribersSchema>;
