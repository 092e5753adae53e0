import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateExchangeInput,
  DeskDay,
  ExchangeView,
  LibraryItem,
  LibraryView,
  WaitlistEntry,
} from '@partagora/domain';
import { apiFetch, apiUpload } from '../../../lib/api-client';

interface ItemsPage {
  items: LibraryItem[];
  nextCursor: string | null;
}

/** `GET /municipalities/:slug/libraries`: the town's tool libraries and their opening slots. */
export const librariesQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: ['libraries', slug] as const,
    queryFn: ({ signal }) =>
      apiFetch<{ items: LibraryView[] }>(`/municipalities/${encodeURIComponent(slug)}/libraries`, {
        signal,
      }),
  });

export function useLibraries(slug: string) {
  return useQuery(librariesQueryOptions(slug));
}

export const libraryItemsQueryOptions = (organisationId: string) =>
  queryOptions({
    queryKey: ['library-items', organisationId] as const,
    queryFn: ({ signal }) =>
      apiFetch<ItemsPage>(`/organisations/${encodeURIComponent(organisationId)}/library/items`, {
        query: { limit: 100 },
        signal,
      }),
  });

export function useLibraryItems(organisationId: string) {
  return useQuery(libraryItemsQueryOptions(organisationId));
}

/** Booking a library item: the one loan engine (`POST /listings/:id/exchanges`). */
export function useBookItem(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ listingId, ...input }: CreateExchangeInput & { listingId: string }) =>
      apiFetch<ExchangeView>(`/listings/${encodeURIComponent(listingId)}/exchanges`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['library-items', organisationId] }),
  });
}

export function useWaitlist(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ listingId, join }: { listingId: string; join: boolean }) =>
      join
        ? apiFetch<WaitlistEntry | undefined>(
            `/listings/${encodeURIComponent(listingId)}/waitlist`,
            {
              method: 'POST',
            },
          )
        : apiFetch<WaitlistEntry | undefined>(
            `/listings/${encodeURIComponent(listingId)}/waitlist`,
            {
              method: 'DELETE',
            },
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['library-items', organisationId] }),
  });
}

export const deskQueryOptions = (organisationId: string, date: string) =>
  queryOptions({
    queryKey: ['desk', organisationId, date] as const,
    queryFn: ({ signal }) =>
      apiFetch<DeskDay>(`/organisations/${encodeURIComponent(organisationId)}/desk`, {
        query: { date },
        signal,
      }),
  });

export function useDesk(organisationId: string, date: string) {
  return useQuery(deskQueryOptions(organisationId, date));
}

/** Check-out or check-in at the desk, with the condition noted (and an optional photo). */
export function useDeskStep(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      exchangeId,
      stage,
      note,
      photo,
    }: {
      exchangeId: string;
      stage: 'checkout' | 'checkin';
      note: string;
      photo?: File | null;
    }) => {
      const form = new FormData();
      form.set('note', note);
      if (photo) form.set('photo', photo);
      return apiUpload<ExchangeView>(
        `/organisations/${encodeURIComponent(organisationId)}/desk/${encodeURIComponent(exchangeId)}/${stage}`,
        form,
      );
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['desk', organisationId] }),
        queryClient.invalidateQueries({ queryKey: ['library-items', organisationId] }),
      ]),
  });
}
