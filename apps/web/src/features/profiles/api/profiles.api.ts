import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PublicProfile } from '@partagora/domain';
import { apiFetch } from '../../../lib/api-client';

export const profilesKeys = {
  all: ['profiles'] as const,
  detail: (userId: string) => ['profiles', userId] as const,
};

/** `GET /users/:id`: a member's public profile with reputation. */
export const profileQueryOptions = (userId: string) =>
  queryOptions({
    queryKey: profilesKeys.detail(userId),
    queryFn: ({ signal }) =>
      apiFetch<PublicProfile>(`/users/${encodeURIComponent(userId)}`, { signal }),
  });

export function useProfile(userId: string) {
  return useQuery(profileQueryOptions(userId));
}

/** `POST /users/:id/block` (`block: true`) or `DELETE /users/:id/block`; both 204, idempotent. */
export function useSetBlocked(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (block: boolean) =>
      apiFetch<void>(`/users/${encodeURIComponent(userId)}/block`, {
        method: block ? 'POST' : 'DELETE',
      }),
    // A block changes what search, map and conversations show: refetch them all.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
