import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { REVIEW_COMMENT_MAX, type ReviewView } from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { useDocumentTitle } from '../../../components/ui/use-document-title';
import { usePostReview, useReviewState } from '../api/reviews.api';
import { SubmitButton } from '../../../components/ui/submit-button';

export interface ReviewScreenProps {
  exchangeId: string;
  /** The other party's name, when the caller knows it (shown in sentences). */
  otherName?: string;
}

const RATINGS = [1, 2, 3, 4, 5] as const;

function Stars({ rating }: { rating: number }) {
  // Drawn stars are decoration; the figure is said in words next to them.
  return (
    <span aria-hidden="true" className="review__stars">
      {'★'.repeat(rating)}
      {'☆'.repeat(5 - rating)}
    </span>
  );
}

function ReviewCard({ review }: { review: ReviewView }) {
  const { t } = useTranslation();
  return (
    <div className="review">
      <p>
        <Stars rating={review.rating} /> {t('reviews.rated', { rating: review.rating })}
      </p>
      {review.comment ? <p className="pre-wrap">{review.comment}</p> : null}
    </div>
  );
}

/**
 * The review screen of a completed exchange (from the exchange page and the reminder
 * notification): a 1–5 rating as a group of radio buttons, an optional comment, and what is
 * visible when (double-blind: hidden until both are in, or 14 days after completion).
 */
export function ReviewScreen({ exchangeId, otherName }: ReviewScreenProps) {
  const { t } = useTranslation();
  useDocumentTitle(t('reviews.pageTitle'));
  const state = useReviewState(exchangeId);
  const post = usePostReview(exchangeId);
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [missingRating, setMissingRating] = useState(false);
  const ids = { legend: useId(), comment: useId(), hint: useId(), error: useId() };

  if (state.isPending) return <StatusMessage>{t('reviews.loading')}</StatusMessage>;
  if (state.isError)
    return <ApiErrorAlert error={state.error} onRetry={() => void state.refetch()} />;
  const { mine, theirs, canReview } = state.data;
  const name = otherName ?? t('notifications.fallbackName');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (rating === null) {
      setMissingRating(true);
      return;
    }
    const trimmed = comment.trim();
    post.mutate({ rating, ...(trimmed ? { comment: trimmed } : {}) });
  };

  return (
    <div className="review-page">
      <p>
        <Link to={`/exchanges/${encodeURIComponent(exchangeId)}`}>{t('reviews.back')}</Link>
      </p>
      <h1>{t('reviews.pageTitle')}</h1>
      <p>{t('reviews.intro')}</p>

      {canReview ? (
        <form onSubmit={submit} noValidate aria-describedby={ids.legend}>
          <fieldset
            aria-invalid={missingRating || undefined}
            aria-describedby={missingRating ? ids.error : undefined}
          >
            <legend id={ids.legend}>{t('reviews.ratingLegend')}</legend>
            {RATINGS.map((r) => (
              <label key={r} className="review__choice">
                <input
                  type="radio"
                  name="rating"
                  value={r}
                  checked={rating === r}
                  onChange={() => {
                    setRating(r);
                    setMissingRating(false);
                  }}
                />
                <Stars rating={r} /> {t('reviews.stars', { count: r })} —{' '}
                {t(`reviews.ratingWords.${r}`)}
              </label>
            ))}
            {missingRating ? (
              <p className="field__error" id={ids.error} role="alert">
                <span aria-hidden="true">⚠ </span>
                {t('reviews.ratingRequired')}
              </p>
            ) : null}
          </fieldset>
          <div className="field">
            <label htmlFor={ids.comment}>{t('reviews.comment')}</label>
            <textarea
              id={ids.comment}
              value={comment}
              maxLength={REVIEW_COMMENT_MAX}
              rows={5}
              aria-describedby={ids.hint}
              onChange={(e) => setComment(e.target.value)}
            />
            <p className="field__hint" id={ids.hint}>
              {t('reviews.commentHint')} ({comment.length}/{REVIEW_COMMENT_MAX})
            </p>
          </div>
          {post.isError ? <ApiErrorAlert error={post.error} /> : null}
          <SubmitButton pending={post.isPending}>
            {post.isPending ? t('reviews.submitting') : t('reviews.submit')}
          </SubmitButton>
        </form>
      ) : null}

      {!canReview && !mine ? <p>{t('reviews.notYet')}</p> : null}

      {mine ? (
        <section aria-labelledby={`${ids.legend}-mine`}>
          <h2 id={`${ids.legend}-mine`}>{t('reviews.mineTitle')}</h2>
          {post.isSuccess ? (
            <p role="status" className="alert">
              {t('reviews.saved')}
            </p>
          ) : null}
          <ReviewCard review={mine} />
          <p className="privacy-note">
            {mine.revealed ? t('reviews.mineRevealed', { name }) : t('reviews.mineHidden')}
          </p>
        </section>
      ) : null}

      {mine || theirs ? (
        <section aria-labelledby={`${ids.legend}-theirs`}>
          <h2 id={`${ids.legend}-theirs`}>{t('reviews.theirsTitle')}</h2>
          {theirs ? <ReviewCard review={theirs} /> : <p>{t('reviews.theirsHidden')}</p>}
        </section>
      ) : null}
    </div>
  );
}
