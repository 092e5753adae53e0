import { z } from 'zod';
import { REVIEW_COMMENT_MAX } from './review-rules';

/** `POST /exchanges/:id/review`. A blank comment counts as none. */
export const createReviewSchema = z.strictObject({
  rating: z.number().int().min(1).max(5),
  comment: z
    .string()
    .max(REVIEW_COMMENT_MAX)
    .transform((s) => s.trim())
    .optional(),
});
export type CreateReviewInput = z.infer<typeof createReviewSchema>;

/** A review as its author gets it back. */
export const reviewSchema = z.object({
  id: z.string(),
  exchangeId: z.string(),
  authorId: z.string(),
  subjectId: z.string(),
  rating: z.number().int(),
  comment: z.string().nullable(),
  revealed: z.boolean(),
  createdAt: z.string(),
});
export type ReviewView = z.infer<typeof reviewSchema>;

/** What a member has reviewed on one exchange (`GET /exchanges/:id/review`). */
export const myReviewStateSchema = z.object({
  exchangeId: z.string(),
  canReview: z.boolean(),
  mine: reviewSchema.nullable(),
  /** The other party's review of me, only once revealed. */
  theirs: reviewSchema.nullable(),
});
export type MyReviewState = z.infer<typeof myReviewStateSchema>;

export const reputationSchema = z.object({
  completed: z.object({
    loan: z.number().int(),
    gift: z.number().int(),
    swap: z.number().int(),
    answer: z.number().int(),
    total: z.number().int(),
  }),
  ratingCount: z.number().int(),
  score: z.number().nullable(),
  onTimeReturns: z.number().int(),
  lateReturns: z.number().int(),
  noShows: z.number().int(),
});

/** `GET /users/:id`: what any signed-in member sees of another. No e-mail, no home. */
export const publicProfileSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  municipality: z.object({ slug: z.string(), name: z.string() }),
  memberSince: z.string(),
  verified: z.boolean(),
  reputation: reputationSchema,
  reviews: z.array(
    z.object({
      rating: z.number().int(),
      comment: z.string().nullable(),
      createdAt: z.string(),
      /** null: written by a former member (erased account). */
      author: z.object({ id: z.string(), displayName: z.string() }).nullable(),
    }),
  ),
  /** Whether the viewer has blocked this member. */
  blockedByMe: z.boolean(),
});
export type PublicProfile = z.infer<typeof publicProfileSchema>;
