import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateInitiativeInput, Initiative, UpdateInitiativeInput } from '@partagora/domain';
import { apiFetch } from '../../../lib/api-client';

interface InitiativePage {
  items: Initiative[];
  nextCursor: string | null;
}

const key = (slug: string) => ['initiatives', slug] as const;

/** Every initiative of a town (a directory of tens, not thousands: pages of 100 followed). */
export const initiativesQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: key(slug),
    queryFn: async ({ signal }) => {
      const items: Initiative[] = [];
      let cursor: string | null = null;
      do {
        const page: InitiativePage = await apiFetch<InitiativePage>(
          `/municipalities/${encodeURIComponent(slug)}/initiatives`,
          { signal, query: { limit: 100, cursor } },
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && items.length < 1000);
      return items;
    },
    staleTime: 5 * 60_000,
  });

export function useInitiatives(slug: string) {
  return useQuery(initiativesQueryOptions(slug));
}

export function useCreateInitiative(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateInitiativeInput) =>
      apiFetch<Initiative>(`/municipalities/${encodeURIComponent(slug)}/initiatives`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(slug) }),
  });
}

export function useUpdateInitiative(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UpdateInitiativeInput }) =>
      apiFetch<Initiative>(`/initiatives/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: patch,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(slug) }),
  });
}

export function useDeleteInitiative(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<void>(`/initiatives/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(slug) }),
  });
}
