import { DomainError } from '../shared/domain-error';

/** What a town post is (DESIGN.md §4.1 "Town news"). An `alert` is pushed at once to subscribers. */
export const POST_KINDS = ['news', 'announcement', 'works', 'alert'] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** Where a post stands for readers: staff see every status, everyone else `published` only. */
export const POST_STATUSES = ['scheduled', 'published', 'unpublished'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

/** The channels an alert goes out on, as the reach figures count them. */
export const POST_CHANNELS = ['push', 'in_app', 'email'] as const;
export type PostChannel = (typeof POST_CHANNELS)[number];

/** Where a reader opened a post from (`?via=` of the links the alert carries). */
export const POST_OPEN_VIAS = ['push', 'email', 'list', 'web'] as const;
export type PostOpenVia = (typeof POST_OPEN_VIAS)[number];

export const POST_LIMITS = {
  titleMin: 3,
  titleMax: 160,
  bodyMax: 10_000,
  /** A post can be scheduled at most this far ahead (days). */
  scheduleMaxDays: 366,
} as const;

const DAY_MS = 86_400_000;

/** The status of a post at `now`: unpublished wins, then a future `publishAt` is scheduled. */
export function postStatus(
  post: { publishAt: Date; unpublishedAt: Date | null },
  now: Date,
): PostStatus {
  if (post.unpublishedAt) return 'unpublished';
  return post.publishAt.getTime() > now.getTime() ? 'scheduled' : 'published';
}

/**
 * When a new post goes out: now when `publishAt` is absent or already past (a clock a little
 * behind the server's must not fail), else `publishAt`. Throws `VALIDATION_FAILED` beyond
 * `scheduleMaxDays`.
 */
export function publicationTime(publishAt: Date | undefined, now: Date): Date {
  if (!publishAt || publishAt.getTime() <= now.getTime()) return now;
  if (publishAt.getTime() - now.getTime() > POST_LIMITS.scheduleMaxDays * DAY_MS) {
    throw new DomainError('VALIDATION_FAILED', 'A post can be scheduled at most a year ahead', [
      { path: 'publishAt', message: `At most ${POST_LIMITS.scheduleMaxDays} days ahead` },
    ]);
  }
  return publishAt;
}

/**
 * The `publishAt` after an edit. Only a scheduled post can be moved (a published one already went
 * out: 409 `POST_ALREADY_PUBLISHED`); an unpublished post cannot be edited at all (409
 * `POST_UNPUBLISHED`).
 */
export function editedPublishAt(
  post: { publishAt: Date; unpublishedAt: Date | null },
  publishAt: Date | undefined,
  now: Date,
): Date {
  const status = postStatus(post, now);
  if (status === 'unpublished') {
    throw new DomainError('POST_UNPUBLISHED', 'This post was unpublished; publish a new one');
  }
  if (publishAt === undefined) return post.publishAt;
  if (status === 'published') {
    throw new DomainError('POST_ALREADY_PUBLISHED', 'This post is already published', [
      { path: 'publishAt', message: 'A published post cannot be rescheduled' },
    ]);
  }
  return publicationTime(publishAt, now);
}

/** Whether an alert is due to go out at `now`: kind alert, published, not sent yet. */
export function alertDue(
  post: {
    kind: PostKind;
    publishAt: Date;
    unpublishedAt: Date | null;
    alertDispatchedAt: Date | null;
  },
  now: Date,
): boolean {
  return (
    post.kind === 'alert' &&
    post.alertDispatchedAt === null &&
    postStatus(post, now) === 'published'
  );
}

/** The web page of a post, with where it was opened from and the read-receipt token. */
export function postPath(
  slug: string,
  postId: string,
  receipt?: { via: PostOpenVia; token: string },
): string {
  const base = `/t/${encodeURIComponent(slug)}/posts/${encodeURIComponent(postId)}`;
  return receipt ? `${base}?via=${receipt.via}&r=${encodeURIComponent(receipt.token)}` : base;
}

/** What a Web Push message of an alert carries (the service worker shows it and opens `url`). */
export interface PushPayload {
  title: string;
  body: string;
  /** Absolute URL of the post page, with `?via=push&r=<token>`. */
  url: string;
}

/** Longest body a push carries (push services cap payloads near 4 KB, encrypted). */
export const PUSH_BODY_MAX = 600;

/** The push payload of an alert: its title, the start of its body on one line, and its link. */
export function pushPayload(post: { title: string; body: string }, url: string): PushPayload {
  const flat = post.body.replace(/\s+/g, ' ').trim();
  const body = flat.length > PUSH_BODY_MAX ? `${flat.slice(0, PUSH_BODY_MAX - 1)}…` : flat;
  return { title: post.title, body, url };
}
