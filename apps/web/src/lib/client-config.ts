import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from './api-client';

/** `GET /client-config`: run-time settings of this deployment. */
export interface ClientConfig {
  /** Leaflet URL template, e.g. `https://tile.example/{z}/{x}/{y}.png`. */
  tileUrl: string;
  /** HTML attribution required by the tile provider. */
  tileAttribution: string;
}

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
