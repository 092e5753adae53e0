import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { z } from 'zod';
import type {
  accessTokenResponseSchema,
  ConfirmEmailInput,
  LoginInput,
  PasswordResetConfirmInput,
  PasswordResetRequestInput,
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
import { forgetOfflineData } from '../../../lib/pwa';

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
      void forgetOfflineData();
    },
  });
}

/** `POST /auth/confirm-email`: the link of the registration e-mail. */
export function confirmEmail(input: ConfirmEmailInput): Promise<{ emailConfirmed: true }> {
  return apiFetch<{ emailConfirmed: true }>('/auth/confirm-email', { method: 'POST', body: input });
}

export function useConfirmEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmEmail,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}

/** `POST /auth/confirm-email/resend` (signed in). */
export function resendConfirmation(): Promise<{ accepted: true }> {
  return apiFetch<{ accepted: true }>('/auth/confirm-email/resend', { method: 'POST' });
}

export function useResendConfirmation() {
  return useMutation({ mutationFn: resendConfirmation });
}

/** `POST /auth/password-reset`: always 202, whether or not the address has an account. */
export function requestPasswordReset(
  input: PasswordResetRequestInput,
): Promise<{ accepted: true }> {
  return apiFetch<{ accepted: true }>('/auth/password-reset', { method: 'POST', body: input });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}

/** `POST /auth/password-reset/confirm`: every session of the account ends, this one included. */
export function confirmPasswordReset(
  input: PasswordResetConfirmInput,
): Promise<{ passwordChanged: true }> {
  return apiFetch<{ passwordChanged: true }>('/auth/password-reset/confirm', {
    method: 'POST',
    body: input,
  });
}

export function useConfirmPasswordReset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmPasswordReset,
    // This device's session ended with the others: forget it and its cached answers.
    onSuccess: () => {
      setAccessToken(null);
      queryClient.clear();
    },
  });
}
