import { Injectable, Logger } from '@nestjs/common';
import {
  type CreateReviewInput,
  DomainError,
  type MyReviewState,
  REVIEW_REVEAL_DELAY_MS,
  type ReviewView,
  assertCanReview,
  revealDeadline,
  reviewsRevealed,
} from '@partagora/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { isConstraintViolation } from '../../common/sql';
import { JobsService } from '../../infra/queues/jobs.service';
import { JobName } from '../../infra/queues/queue-names';
import { ExchangesService } from '../exchanges/exchanges.service';
import { OutboxRepository } from '../outbox/outbox.repository';
import { OutboxService } from '../outbox/outbox.service';
import { toReviewView } from './review.mapper';
import { type ExportReviewRow, ReviewsRepository } from './reviews.repository';

/** BullMQ job ids may not contain ':'. One id per exchange, timer and due time. */
export const reviewTimerJobId = (exchangeId: string, type: string, dueAt: Date) =>
  `review-${exchangeId}-${type}-${dueAt.getTime()}`;

/** A review in an export: the other member by id and display name only. */
export interface ExportedReview {
  id: string;
  exchangeId: string;
  rating: number;
  comment: string | null;
  createdAt: string;
  revealed: boolean;
  hidden: boolean;
  /** The author (reviews about me) or the subject (reviews by me); null: a former member. */
  other: { id: string; displayName: string } | null;
}

const exported = (r: ExportReviewRow): ExportedReview => ({
  id: r.id,
  exchangeId: r.exchange_id,
  rating: r.rating,
  comment: r.comment,
  createdAt: new Date(r.created_at).toISOString(),
  revealed: r.revealed_at !== null,
  hidden: r.hidden_at !== null,
  other: r.other_id && r.other_name ? { id: r.other_id, displayName: r.other_name } : null,
});

/**
 * Double-blind reviews (DESIGN.md §3): written once per party of a completed exchange, revealed
 * together when both are in or at the 14-day deadline (`reviewsRevealed`). The module's face to
 * the others: moderation (`setHidden`), export (`forExport`) and erasure (`anonymiseAuthor`).
 */
@Injectable()
export class ReviewsService {
  private readonly logger = new Logger(ReviewsService.name);

  constructor(
    private readonly ds: DataSource,
    private readonly repo: ReviewsRepository,
    private readonly exchanges: ExchangesService,
    private readonly outboxRows: OutboxRepository,
    private readonly outbox: OutboxService,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
  ) {}

  /** `POST /exchanges/:id/review`. */
  async create(
    authorId: string,
    exchangeId: string,
    input: CreateReviewInput,
  ): Promise<ReviewView> {
    const now = this.clock.now();
    let result: { review: ReviewView; outboxIds: string[]; completedAt: Date | null };
    try {
      result = await this.ds.transaction(async (manager) => {
        // The lock makes the two parties' reviews of one exchange queue up: the second sees the
        // first and reveals both. The unique index settles a party posting twice at once.
        const ex = await this.exchanges.reviewSubject(manager, exchangeId, true);
        const { subjectId } = assertCanReview(ex, authorId);
        const authorRole = ex!.ownerId === authorId ? 'owner' : 'requester';
        const existing = await this.repo.forExchange(exchangeId, manager);
        if (existing.some((r) => r.author_role === authorRole)) throw reviewExists();
        const row = await this.repo.insert(manager, {
          exchangeId,
          authorId,
          authorRole,
          subjectId,
          rating: input.rating,
          comment: input.comment ? input.comment : null,
        });
        const outboxIds: string[] = [];
        if (
          reviewsRevealed({ completedAt: ex!.completedAt, reviewsIn: existing.length + 1 }, now)
        ) {
          outboxIds.push(...(await this.revealIn(manager, exchangeId, now)));
          row.revealed_at = now;
        }
        return { review: toReviewView(row), outboxIds, completedAt: ex!.completedAt };
      });
    } catch (err) {
      if (isConstraintViolation(err, 'uq_reviews_exchange_role')) throw reviewExists();
      throw err;
    }
    await this.outbox.publish(result.outboxIds);
    if (!result.review.revealed && result.completedAt) {
      await this.scheduleReveal(exchangeId, revealDeadline(result.completedAt), now);
    }
    return result.review;
  }

  /** `GET /exchanges/:id/review`: my review, whether I may still write one, and theirs once out. */
  async stateFor(userId: string, exchangeId: string): Promise<MyReviewState> {
    const ex = await this.exchanges.reviewSubject(this.ds.manager, exchangeId);
    if (!ex || (ex.ownerId !== userId && ex.requesterId !== userId)) {
      throw new DomainError('EXCHANGE_NOT_FOUND', 'No such exchange');
    }
    const myRole = ex.ownerId === userId ? 'owner' : 'requester';
    const rows = await this.repo.forExchange(exchangeId);
    const mine = rows.find((r) => r.author_role === myRole);
    const theirs = rows.find((r) => r.author_role !== myRole);
    return {
      exchangeId,
      canReview: ex.status === 'completed' && !mine,
      mine: mine ? toReviewView(mine) : null,
      theirs: theirs && theirs.revealed_at && !theirs.hidden_at ? toReviewView(theirs) : null,
    };
  }

  /**
   * The 14-day timer fired (or a sweep found it due): reveals the exchange's reviews if the rule
   * says they are out by now. Idempotent: nothing left to reveal, nothing written.
   */
  async revealIfDue(exchangeId: string): Promise<string[]> {
    const now = this.clock.now();
    const outboxIds = await this.ds.transaction(async (manager) => {
      const ex = await this.exchanges.reviewSubject(manager, exchangeId, true);
      if (!ex) return [];
      const rows = await this.repo.forExchange(exchangeId, manager);
      if (rows.every((r) => r.revealed_at !== null)) return [];
      if (!reviewsRevealed({ completedAt: ex.completedAt, reviewsIn: rows.length }, now)) return [];
      return this.revealIn(manager, exchangeId, now);
    });
    await this.outbox.publish(outboxIds);
    return outboxIds;
  }

  /** Everything about a member's reviews for their export. Unrevealed reviews about them stay out. */
  async forExport(
    userId: string,
  ): Promise<{ reviewsAbout: ExportedReview[]; reviewsBy: ExportedReview[] }> {
    const [about, by] = await Promise.all([
      this.repo.reviewsAbout(userId),
      this.repo.reviewsBy(userId),
    ]);
    return { reviewsAbout: about.map(exported), reviewsBy: by.map(exported) };
  }

  /**
   * Erasure, in the caller's transaction: the member's reviews stay (others' reputation is
   * unchanged) and show as written by a former member. Returns how many were detached.
   */
  anonymiseAuthor(userId: string, manager: EntityManager): Promise<number> {
    return this.repo.anonymiseAuthor(manager, userId);
  }

  /**
   * Moderation, in the caller's transaction: a hidden review leaves profiles and scores; `null`
   * restores it. False when there is no such review.
   */
  setHidden(reviewId: string, hiddenAt: Date | null, manager: EntityManager): Promise<boolean> {
    return this.repo.setHidden(manager, reviewId, hiddenAt);
  }

  private async revealIn(manager: EntityManager, exchangeId: string, now: Date): Promise<string[]> {
    const reviewIds = await this.repo.reveal(manager, exchangeId, now);
    if (reviewIds.length === 0) return [];
    return [await this.outboxRows.add(manager, 'review.revealed', { exchangeId, reviewIds })];
  }

  /** Best effort: with Redis down the sweep schedules it later. */
  private async scheduleReveal(exchangeId: string, dueAt: Date, now: Date): Promise<void> {
    try {
      await this.jobs.enqueue(
        JobName.ReviewTimer,
        { exchangeId, type: 'reveal', dueAt: dueAt.toISOString() },
        {
          jobId: reviewTimerJobId(exchangeId, 'reveal', dueAt),
          delay: Math.max(0, Math.min(dueAt.getTime() - now.getTime(), REVIEW_REVEAL_DELAY_MS)),
        },
      );
    } catch (err) {
      this.logger.warn(
        `review reveal not scheduled now (the sweep will): ${(err as Error).message}`,
      );
    }
  }
}

const reviewExists = () =>
  new DomainError('REVIEW_EXISTS', 'You have already reviewed this exchange');
