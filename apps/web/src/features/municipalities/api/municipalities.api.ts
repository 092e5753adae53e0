import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Municipality, MunicipalitySummary } from '@partagora/domain';
import { apiFetch } from '../../../lib/api-client';

interface MunicipalityList {
  items: MunicipalitySummary[];
  nextCursor: string | null;
}

export const municipalitiesQueryOptions = () =>
  queryOptions({
    queryKey: ['municipalities'] as const,
    queryFn: ({ signal }) => apiFetch<MunicipalityList>('/municipalities', { signal }),
    select: (page) => page.items,
    staleTime: 10 * 60_000,
  });

export const municipalityQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: ['municipalities', slug] as const,
    queryFn: ({ signal }) =>
      apiFetch<Municipality>(`/municipalities/${encodeURIComponent(slug)}`, { signal }),
    staleTime: 10 * 60_000,
  });

export function useMunicipalities() {
  return useQuery(municipalitiesQueryOptions());
}

export function useMunicipality(slug: string) {
  return useQuery(municipalityQueryOptions(slug));
}
