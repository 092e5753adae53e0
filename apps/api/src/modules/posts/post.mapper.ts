import { type PostView, postStatus } from '@partagora/domain';
import type { PostRecord } from './posts.repository';

/** A post as the API shows it: the town hall as the author, the staff member kept internal. */
export function toPostView(p: PostRecord, now: Date): PostView {
  return {
    id: p.id,
    title: p.title,
    body: p.body,
    kind: p.kind,
    publishedAt: p.publishAt.toISOString(),
    author: { type: 'organisation', id: p.authorId, name: p.authorName },
    municipality: { slug: p.slug, name: p.townName },
    status: postStatus(p, now),
    updatedAt: p.updatedAt.toISOString(),
    unpublishedAt: p.unpublishedAt?.toISOString() ?? null,
    alertSentAt: p.alertDispatchedAt?.toISOString() ?? null,
  };
}
