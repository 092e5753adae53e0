import type { ReviewView } from '@partagora/domain';
import type { ReviewRow } from './reviews.repository';

/** A review as its author sees it (`authorId` is null only once an author is erased). */
export function toReviewView(r: ReviewRow): ReviewView {
  return {
    id: r.id,
    exchangeId: r.exchange_id,
    authorId: r.author_id ?? '',
    subjectId: r.subject_id,
    rating: r.rating,
    comment: r.comment,
    revealed: r.revealed_at !== null,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
