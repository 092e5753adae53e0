import {
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  Attendee,
  CreateEventInput,
  EventPage,
  EventView,
  RsvpResult,
  UpdateEventInput,
} from '@partagora/domain';
import { env } from '../../../config/env';
import { apiFetch } from '../../../lib/api-client';
import { useSignedIn } from '../../../lib/use-signed-in';

export const eventKeys = {
  all: ['events'] as const,
  detail: (id: string) => ['events', 'detail', id] as const,
  agenda: (slug: string, organisationId?: string) =>
    ['events', 'agenda', slug, organisationId ?? null] as const,
  attendees: (id: string) => ['events', 'attendees', id] as const,
};

/** Absolute URL of an API path (`icsUrl`), for "add to my calendar" links. */
export const apiUrl = (path: string) => `${env.apiBaseUrl}${path.replace(/^\/api\/v1/, '')}`;

export const eventQueryOptions = (id: string, signedIn = false) =>
  queryOptions({
    queryKey: [...eventKeys.detail(id), signedIn] as const,
    queryFn: ({ signal }) => apiFetch<EventView>(`/events/${encodeURIComponent(id)}`, { signal }),
  });

/** `GET /events/:id` (public; `myRsvp` when signed in). */
export function useEvent(id: string) {
  return useQuery(eventQueryOptions(id, useSignedIn()));
}

/** `GET /municipalities/:slug/events`: upcoming first, partner towns' marked; paged. */
export function useAgenda(slug: string, opts: { organisationId?: string; limit?: number } = {}) {
  const signedIn = useSignedIn();
  return useInfiniteQuery({
    queryKey: [...eventKeys.agenda(slug, opts.organisationId), opts.limit ?? 20, signedIn],
    initialPageParam: null as string | null,
    queryFn: ({ signal, pageParam }) =>
      apiFetch<EventPage>(`/municipalities/${encodeURIComponent(slug)}/events`, {
        signal,
        query: { limit: opts.limit ?? 20, cursor: pageParam, organisationId: opts.organisationId },
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useCreateEvent(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateEventInput) =>
      apiFetch<EventView>(`/municipalities/${encodeURIComponent(slug)}/events`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  });
}

export function useUpdateEvent(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: UpdateEventInput) =>
      apiFetch<EventView>(`/events/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  });
}

export function useCancelEvent(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiFetch<EventView>(`/events/${encodeURIComponent(id)}/cancel`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  });
}

/** `POST /events/:id/rsvp` → going or waiting (with the position). */
export function useRsvp(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiFetch<RsvpResult>(`/events/${encodeURIComponent(id)}/rsvp`, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  });
}

/** `DELETE /events/:id/rsvp`: a freed place goes to the first of the waiting list. */
export function useCancelRsvp(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiFetch<void>(`/events/${encodeURIComponent(id)}/rsvp`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  });
}

/** `GET /events/:id/attendees` (organisers). */
export function useAttendees(id: string) {
  return useQuery({
    queryKey: eventKeys.attendees(id),
    queryFn: ({ signal }) =>
      apiFetch<{ items: Attendee[]; nextCursor: string | null }>(
        `/events/${encodeURIComponent(id)}/attendees`,
        { signal, query: { limit: 100 } },
      ),
  });
}
