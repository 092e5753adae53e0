import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateOrganisationInput,
  ImageRef,
  OrganisationKind,
  OrganisationPage,
  OrganisationStatus,
  OrganisationView,
  UpdateOrganisationInput,
} from '@partagora/domain';
import { apiFetch, apiUpload } from '../../../lib/api-client';
import { useSignedIn } from '../../../lib/use-signed-in';

export const organisationKeys = {
  all: ['organisations'] as const,
  detail: (id: string) => ['organisations', 'detail', id] as const,
  town: (slug: string, filter: { kind?: OrganisationKind; status?: OrganisationStatus }) =>
    ['organisations', 'town', slug, filter] as const,
  mine: () => ['organisations', 'mine'] as const,
};

/** `GET /organisations/:id` (public; a pending one only for its members and the town's staff). */
export const organisationQueryOptions = (id: string, signedIn = false) =>
  queryOptions({
    queryKey: [...organisationKeys.detail(id), signedIn] as const,
    queryFn: ({ signal }) =>
      apiFetch<OrganisationView>(`/organisations/${encodeURIComponent(id)}`, { signal }),
  });

export function useOrganisation(id: string) {
  return useQuery(organisationQueryOptions(id, useSignedIn()));
}

/** `GET /municipalities/:slug/organisations` (public: verified ones; staff also see pending). */
export function useTownOrganisations(
  slug: string,
  filter: { kind?: OrganisationKind; status?: OrganisationStatus } = {},
) {
  const signedIn = useSignedIn();
  return useQuery({
    queryKey: [...organisationKeys.town(slug, filter), signedIn],
    queryFn: ({ signal }) =>
      apiFetch<OrganisationPage>(`/municipalities/${encodeURIComponent(slug)}/organisations`, {
        signal,
        query: { ...filter, limit: 100 },
      }),
  });
}

/** `GET /me/organisations`: the member's organisations with their role. */
export function useMyOrganisations(enabled = true) {
  return useQuery({
    queryKey: organisationKeys.mine(),
    queryFn: ({ signal }) => apiFetch<OrganisationPage>('/me/organisations', { signal }),
    enabled,
  });
}

export function useRegisterOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateOrganisationInput) =>
      apiFetch<{ id: string; status: 'pending' }>('/organisations', {
        method: 'POST',
        body: input,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationKeys.all }),
  });
}

/** `POST /organisations/:id/verify` (the town's staff). */
export function useVerifyOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ status: 'verified' }>(`/organisations/${encodeURIComponent(id)}/verify`, {
        method: 'POST',
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationKeys.all }),
  });
}

export function useUpdateOrganisation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: UpdateOrganisationInput) =>
      apiFetch<OrganisationView>(`/organisations/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: patch,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationKeys.detail(id) }),
  });
}

/** `POST /organisations/:id/logo` (multipart `photo`, through the photo pipeline). */
export function useUploadLogo(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('photo', file, file.name || 'logo.png');
      return apiUpload<ImageRef>(`/organisations/${encodeURIComponent(id)}/logo`, form);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: organisationKeys.detail(id) }),
  });
}
