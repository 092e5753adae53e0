import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActToken,
  AssistedResidentPage,
  AssistedResidentView,
  CreateAssistedResidentInput,
} from '@partagora/domain';
import { env } from '../../../config/env';
import {
  ApiError,
  apiFetch,
  apiFetchAsStaff,
  getAccessToken,
  setActing,
} from '../../../lib/api-client';

export function useAssistedResidents(slug: string, q: string) {
  return useQuery({
    queryKey: ['assisted-residents', slug, q] as const,
    queryFn: ({ signal }) =>
      apiFetch<AssistedResidentPage>(
        `/municipalities/${encodeURIComponent(slug)}/assisted-residents`,
        { query: { q: q.trim() || undefined, limit: 50 }, signal },
      ),
  });
}

export function useRegisterAssisted(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateAssistedResidentInput) =>
      apiFetch<{ user: AssistedResidentView }>(
        `/municipalities/${encodeURIComponent(slug)}/assisted-residents`,
        { method: 'POST', body: input },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['assisted-residents', slug] }),
  });
}

/**
 * Starts acting for the resident: the act token stays in this tab's memory (never stored);
 * every page then works as the resident, and the banner says so. Cached data is dropped.
 */
export function useActFor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (residentId: string) =>
      apiFetchAsStaff<ActToken>(`/assisted-residents/${encodeURIComponent(residentId)}/act`, {
        method: 'POST',
      }),
    onSuccess: (act) => {
      setActing({
        token: act.accessToken,
        residentId: act.resident.id,
        displayName: act.resident.displayName,
        expiresAt: act.expiresAt,
      });
      queryClient.clear();
    },
  });
}

/** Stops acting (the API ends the act token at once) and returns to the staff member's session. */
export async function stopActing(residentId: string): Promise<void> {
  setActing(null);
  try {
    await apiFetchAsStaff<void>(`/assisted-residents/${encodeURIComponent(residentId)}/act`, {
      method: 'DELETE',
    });
  } catch {
    // The token ends by itself within 15 minutes anyway.
  }
}

/** The printable summary (PDF), opened in a new tab as a blob (the token never goes in a URL). */
export async function openSummary(residentId: string): Promise<void> {
  const res = await fetch(
    `${env.apiBaseUrl}/assisted-residents/${encodeURIComponent(residentId)}/summary.pdf`,
    { headers: { Authorization: `Bearer ${getAccessToken() ?? ''}` }, credentials: 'include' },
  );
  if (!res.ok) throw new ApiError(res.status, 'UNKNOWN', `HTTP ${res.status}`);
  const url = URL.createObjectURL(await res.blob());
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
