import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type {
  Availability,
  CreateExchangeInput,
  exchangeSchema,
  ExchangeView,
  PartyAction,
  RescheduleInput,
} from '@partagora/domain';
import { apiFetch } from '../../../lib/api-client';
import type { Page } from '../../../lib/page';

export type ExchangeRole = 'owner' | 'requester';
export type ExchangePage = Page<typeof exchangeSchema>;

/** URL verb of each step: `no_show` is `no-show` in the URL. */
export const ACTION_VERB: Record<PartyAction, string> = {
  accept: 'accept',
  handover: 'handover',
  return: 'return',
  complete: 'complete',
  decline: 'decline',
  no_show: 'no-show',
  cancel: 'cancel',
};

export const exchangesKeys = {
  all: ['exchanges'] as const,
  lists: () => ['exchanges', 'list'] as const,
  list: (role: ExchangeRole) => ['exchanges', 'list', { role }] as const,
  detail: (id: string) => ['exchanges', 'detail', id] as const,
  availability: (listingId: string, from: string, to: string) =>
    ['exchanges', 'availability', listingId, { from, to }] as const,
};

export const availabilityQueryOptions = (listingId: string, from: Date, to: Date) =>
  queryOptions({
    queryKey: exchangesKeys.availability(listingId, from.toISOString(), to.toISOString()),
    queryFn: ({ signal }) =>
      apiFetch<Availability>(`/listings/${encodeURIComponent(listingId)}/availability`, {
        query: { from: from.toISOString(), to: to.toISOString() },
        signal,
      }),
  });

export function useAvailability(listingId: string, from: Date, to: Date) {
  return useQuery(availabilityQueryOptions(listingId, from, to));
}

export const exchangeListQueryOptions = (role: ExchangeRole) =>
  infiniteQueryOptions({
    queryKey: exchangesKeys.list(role),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<ExchangePage>('/exchanges', { query: { role, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useExchangeList(role: ExchangeRole) {
  return useInfiniteQuery(exchangeListQueryOptions(role));
}

export const exchangeQueryOptions = (id: string) =>
  queryOptions({
    queryKey: exchangesKeys.detail(id),
    queryFn: ({ signal }) =>
      apiFetch<ExchangeView>(`/exchanges/${encodeURIComponent(id)}`, { signal }),
  });

export function useExchange(id: string) {
  return useQuery(exchangeQueryOptions(id));
}

async function storeExchange(queryClient: QueryClient, exchange: ExchangeView): Promise<void> {
  queryClient.setQueryData(exchangesKeys.detail(exchange.id), exchange);
  await queryClient.invalidateQueries({ queryKey: exchangesKeys.lists() });
}

/** `POST /listings/:id/exchanges`: a loan booking, a gift claim, a swap offer or an answer. */
export function useRequestExchange(listingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateExchangeInput) =>
      apiFetch<ExchangeView>(`/listings/${encodeURIComponent(listingId)}/exchanges`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: (exchange) => storeExchange(queryClient, exchange),
  });
}

/** One step of the exchange (`POST /exchanges/:id/<verb>`). */
export function useExchangeAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: PartyAction) =>
      apiFetch<ExchangeView>(`/exchanges/${encodeURIComponent(id)}/${ACTION_VERB[action]}`, {
        method: 'POST',
      }),
    onSuccess: (exchange) => storeExchange(queryClient, exchange),
    // A refused step (someone else moved first) means our copy is stale.
    onError: () => queryClient.invalidateQueries({ queryKey: exchangesKeys.detail(id) }),
  });
}

/** `POST /exchanges/:id/reschedule`: new dates for an accepted loan, for the other party. */
export function useProposeReschedule(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RescheduleInput) =>
      apiFetch<ExchangeView>(`/exchanges/${encodeURIComponent(id)}/reschedule`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: (exchange) => storeExchange(queryClient, exchange),
  });
}

/** `POST /exchanges/:id/reschedule/accept`: take the dates the other party proposed. */
export function useAcceptReschedule(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiFetch<ExchangeView>(`/exchanges/${encodeURIComponent(id)}/reschedule/accept`, {
        method: 'POST',
      }),
    onSuccess: (exchange) => storeExchange(queryClient, exchange),
    onError: () => queryClient.invalidateQueries({ queryKey: exchangesKeys.detail(id) }),
  });
}

/** Socket `exchange.updated`: refetch that exchange (its next steps changed) and the lists. */
export async function receiveExchangeUpdate(
  queryClient: QueryClient,
  event: { id: string; status: ExchangeView['status'] },
): Promise<void> {
  const cached = queryClient.getQueryData<ExchangeView>(exchangesKeys.detail(event.id));
  if (cached && cached.status !== event.status) {
    // Show the new status at once; `nextActions` follow with the refetch.
    queryClient.setQueryData(exchangesKeys.detail(event.id), {
      ...cached,
      status: event.status,
      nextActions: [],
    });
  }
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: exchangesKeys.detail(event.id) }),
    queryClient.invalidateQueries({ queryKey: exchangesKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: ['exchanges', 'availability'] }),
  ]);
}

/** After a reconnection: whatever was missed is refetched. */
export function refreshExchanges(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: exchangesKeys.all });
}
