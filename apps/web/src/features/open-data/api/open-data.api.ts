import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { OpenDataCatalogue } from '@partagora/domain';
import { env } from '../../../config/env';
import { ApiError, apiFetch, getAccessToken, refreshAccessToken } from '../../../lib/api-client';

export const openDataQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: ['open-data', slug] as const,
    queryFn: ({ signal }) =>
      apiFetch<OpenDataCatalogue>(`/municipalities/${encodeURIComponent(slug)}/open-data`, {
        signal,
      }),
    staleTime: 10 * 60_000,
  });

export function useOpenDataCatalogue(slug: string) {
  return useQuery(openDataQueryOptions(slug));
}

/** Where a published file downloads from (same origin as the API client). */
export function openDataFileUrl(slug: string, file: string): string {
  return `${env.apiBaseUrl}/municipalities/${encodeURIComponent(slug)}/open-data/${encodeURIComponent(file)}`;
}

async function fetchArchive(slug: string): Promise<Response> {
  const token = getAccessToken();
  return fetch(`${env.apiBaseUrl}/municipalities/${encodeURIComponent(slug)}/archive`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    credentials: 'include',
  });
}

/** The town archive (a zip, staff only), saved under the name the API gives it. */
export function useDownloadTownArchive(slug: string) {
  return useMutation({
    mutationFn: async () => {
      let res = await fetchArchive(slug).catch(() => {
        throw new ApiError(0, 'NETWORK_ERROR', 'Network request failed');
      });
      if (res.status === 401 && (await refreshAccessToken())) res = await fetchArchive(slug);
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as {
          error?: { code?: string; message?: string };
        } | null;
        throw new ApiError(res.status, body?.error?.code ?? 'INTERNAL', body?.error?.message ?? '');
      }
      const name =
        /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ??
        `partagora-${slug}.zip`;
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(url);
      return name;
    },
  });
}
