import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OpenDataCatalogue } from '@partagora/domain';
import { env } from '../../../config/env';
import { apiDownload, apiFetch, saveFile } from '../../../lib/api-client';

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

/** The town archive (a zip, staff only), saved under the name the API gives it. */
export async function downloadTownArchive(slug: string): Promise<string> {
  const { blob, filename } = await apiDownload(
    `/municipalities/${encodeURIComponent(slug)}/archive`,
    {},
    `partagora-${slug}.zip`,
  );
  saveFile(blob, filename);
  return filename;
}
