import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateVerificationCodesInput,
  IssuedVerificationCodes,
  Municipality,
  RedeemVerificationCodeInput,
  RedeemVerificationCodeResponse,
  verificationCodeSummarySchema,
} from '@partagora/domain';
import { apiFetch } from '../../../lib/api-client';
import type { Page } from '../../../lib/page';

const codesKey = (slug: string) => ['verification-codes', slug] as const;

/** `GET /municipalities/:slug/verification-codes` (that town's staff): no codes, only their use. */
export const verificationCodesQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: codesKey(slug),
    queryFn: ({ signal }) =>
      apiFetch<Page<typeof verificationCodeSummarySchema>>(
        `/municipalities/${encodeURIComponent(slug)}/verification-codes?limit=100`,
        { signal },
      ),
  });

export function useVerificationCodes(slug: string) {
  return useQuery(verificationCodesQueryOptions(slug));
}

/** The town's name for the printed sheet (`GET /municipalities/:slug`, public). */
export const townQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: ['municipality', slug] as const,
    queryFn: ({ signal }) =>
      apiFetch<Municipality>(`/municipalities/${encodeURIComponent(slug)}`, { signal }),
    staleTime: 60 * 60_000,
  });

export function useTown(slug: string) {
  return useQuery(townQueryOptions(slug));
}

/**
 * `POST /municipalities/:slug/verification-codes`. The plain codes come back once and live only
 * in the caller's component state: never in the query cache, storage or the URL.
 */
export function useIssueVerificationCodes(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateVerificationCodesInput) =>
      apiFetch<IssuedVerificationCodes>(
        `/municipalities/${encodeURIComponent(slug)}/verification-codes`,
        { method: 'POST', body: input },
      ),
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: codesKey(slug) }),
  });
}

/** `POST /me/verify`; the signed-in member's `GET /me` (key `['me']`) then shows the badge. */
export function useRedeemVerificationCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RedeemVerificationCodeInput) =>
      apiFetch<RedeemVerificationCodeResponse>('/me/verify', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me'] }),
  });
}
