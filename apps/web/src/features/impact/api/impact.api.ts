import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Impact } from '@partagora/domain';
import { apiFetch } from '../../../lib/api-client';

export const impactQueryOptions = (slug: string, from?: string, to?: string) =>
  queryOptions({
    queryKey: ['impact', slug, from ?? null, to ?? null] as const,
    queryFn: ({ signal }) =>
      apiFetch<Impact>(`/municipalities/${encodeURIComponent(slug)}/impact`, {
        signal,
        query: { from, to },
      }),
    staleTime: 5 * 60_000,
  });

export function useImpact(slug: string, from?: string, to?: string) {
  return useQuery(impactQueryOptions(slug, from, to));
}
