import {
  type QueryClient,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  CreateReviewInput,
  MyReviewState,
  NotificationView,
  ReviewView,
} from '@partagora/domain';
import { apiFetch } from '../../../lib/api-client';

export const reviewsKeys = {
  all: ['reviews'] as const,
  state: (exchangeId: string) => ['reviews', 'exchange', exchangeId] as const,
};

/** `GET /exchanges/:id/review`: my review of the exchange, whether I can write one, theirs once out. */
export const reviewStateQueryOptions = (exchangeId: string) =>
  queryOptions({
    queryKey: reviewsKeys.state(exchangeId),
    queryFn: ({ signal }) =>
      apiFetch<MyReviewState>(`/exchanges/${encodeURIComponent(exchangeId)}/review`, { signal }),
  });

export function useReviewState(exchangeId: string) {
  return useQuery(reviewStateQueryOptions(exchangeId));
}

/** `POST /exchanges/:id/review`. */
export function usePostReview(exchangeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateReviewInput) =>
      apiFetch<ReviewView>(`/exchanges/${encodeURIComponent(exchangeId)}/review`, {
        method: 'POST',
        body: input,
      }),
    // Profiles show scores and revealed reviews: refetch them too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewsKeys.state(exchangeId) }),
        queryClient.invalidateQueries({ queryKey: ['profiles'] }),
      ]),
  });
}

/**
 * A live `review_revealed` notification: the review screen of that exchange and the profiles
 * (scores, revealed reviews) are stale.
 */
export function receiveReviewNotification(
  queryClient: QueryClient,
  notification: Pick<NotificationView, 'kind' | 'data'>,
): void {
  if (notification.kind !== 'review_revealed') return;
  const exchangeId = notification.data.exchangeId;
  if (typeof exchangeId === 'string') {
    void queryClient.invalidateQueries({ queryKey: reviewsKeys.state(exchangeId) });
  }
  void queryClient.invalidateQueries({ queryKey: ['profiles'] });
}
