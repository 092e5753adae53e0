import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ClientConfig } from '@partagora/domain';
import { apiFetch } from './api-client';

export type { ClientConfig };

export const clientConfigQueryOptions = () =>
  queryOptions({
    queryKey: ['client-config'] as const,
    queryFn: ({ signal }) => apiFetch<ClientConfig>('/client-config', { signal }),
    staleTime: Infinity,
    gcTime: Infinity,
  });

export function useClientConfig() {
  return useQuery(clientConfigQueryOptions());
}
