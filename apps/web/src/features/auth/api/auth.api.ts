import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { z } from 'zod';
import type {
  accessTokenResponseSchema,
  LoginInput,
  Me,
  RegisterInput,
  registerResponseSchema,
} from '@partagora/domain';
import {
  apiFetch,
  getAccessToken,
  restoreSession,
  setAccessToken,
  subscribeAccessToken,
} from '../../../lib/api-client';

type AccessTokenResponse = z.infer<typeof accessTokenResponseSchema>;
type RegisterResponse = z.infer<typeof registerResponseSchema>;

export const meQueryKey = ['me'] as const;

export const meQueryOptions = () =>
  queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => apiFetch<Me>('/me', { signal }),
    staleTime: 5 * 60_000,
  });

export const sessionRestoreQueryOptions = () =>
  queryOptions({
    queryKey: ['session', 'restore'] as const,
    queryFn: restoreSession,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });

export function register(input: RegisterInput): Promise<RegisterResponse> {
  return apiFetch<RegisterResponse>('/auth/register', { method: 'POST', body: input });
}

export function login(input: LoginInput): Promise<AccessTokenResponse> {
  return apiFetch<AccessTokenResponse>('/auth/login', { method: 'POST', body: input });
}

export function logout(): Promise<void> {
  return apiFetch<void>('/auth/logout', { method: 'POST' });
}

export function useAccessToken(): string | null {
  return useSyncExternalStore(subscribeAccessToken, getAccessToken, getAccessToken);
}

export type Session =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'authenticated'; me: Me }
  | { status: 'error'; error: unknown; retry: () => void };

/**
 * Where the visitor stands: restoring (one refresh call at start-up), anonymous, or signed in
 * with their `Me`. Losing the token (logout, refused refresh) makes it `anonymous` at once.
 */
export function useSession(): Session {
  const token = useAccessToken();
  const restore = useQuery(sessionRestoreQueryOptions());
  const me = useQuery({ ...meQueryOptions(), enabled: token !== null });
  if (token === null) return restore.isPending ? { status: 'loading' } : { status: 'anonymous' };
  if (me.data) return { status: 'authenticated', me: me.data };
  if (me.isError) return { status: 'error', error: me.error, retry: () => void me.refetch() };
  return { status: 'loading' };
}

export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: register,
    onSuccess: ({ user, accessToken }) => {
      queryClient.setQueryData(meQueryKey, user);
      setAccessToken(accessToken);
    },
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: async ({ accessToken }) => {
      queryClient.removeQueries({ queryKey: meQueryKey });
      setAccessToken(accessToken);
      await queryClient.prefetchQuery(meQueryOptions());
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Signed out locally even when the server could not be reached.
    // Every cached answer belonged to that user: forget them all.
    onSettled: () => {
      setAccessToken(null);
      queryClient.clear();
    },
  });
}
